import { randomUUID } from "node:crypto";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { unitsWithRole } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid, notInFuture } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { courseEntry, recordCourseRefusal } from "./guard.ts";
import { loadWorks } from "./view.ts";

/**
 * Opening a child's work: in a case (the case's own child, or a child related to the case's
 * person) or as a service, in the child's own service course. The case side is a case
 * command; the course side follows the course rule. Both read back what the page shows.
 */

/** The roles that give service (as frid_gives_service, 0056): never a consultant. */
const serviceRoles = ["caseworker", "therapist", "protection_officer", "unit_manager"] as const;

class NoServiceUnit extends Error {}

/**
 * The unit the work is done for: the actor's crisis centre (the children's crisis centre's
 * figures are its own), else the case's unit when the actor gives service there, else
 * another unit where they do. None: the actor gives no service (403).
 */
async function unitFor(trx: Trx, actor: Actor, caseUnitId: string): Promise<string> {
  const units = unitsWithRole(actor, [...serviceRoles]);
  if (units.length === 0) throw new NoServiceUnit();
  const crisis = await trx
    .selectFrom("unit")
    .select("id")
    .where("id", "in", units)
    .where("kind", "=", "crisis_centre")
    .orderBy("name")
    .executeTakeFirst();
  if (crisis) return crisis.id;
  return units.includes(caseUnitId) ? caseUnitId : (units.sort()[0] as string);
}

/** The children of a case who may be given a work: its own child, or related children. */
export async function childrenOfCase(trx: Trx, c: CaseRow) {
  const own =
    c.case_type === "child"
      ? [{ personId: c.person_id, name: `${c.given_name} ${c.family_name}` }]
      : [];
  const related = await trx
    .selectFrom("relation as r")
    .innerJoin("person as p", "p.id", "r.other_person_id")
    .select((eb) => [
      "p.id",
      eb.fn.coalesce("r.given_name", "p.given_name").as("given_name"),
      eb.fn.coalesce("r.family_name", "p.family_name").as("family_name"),
    ])
    .where("r.case_id", "=", c.id)
    .where("r.kind", "=", "child")
    .orderBy("r.recorded_at")
    .execute();
  const children = [
    ...own,
    ...related.map((r) => ({ personId: r.id, name: `${r.given_name} ${r.family_name}` })),
  ];
  return children.filter(
    (child, i) => children.findIndex((x) => x.personId === child.personId) === i,
  );
}

/** The work of a child of the case: 400 for anyone else, 409 for a child who has one. */
async function insertCaseWork(
  trx: Trx,
  actor: Actor,
  c: CaseRow,
  input: { id: string; personId: string; openedOn: string },
) {
  const children = await childrenOfCase(trx, c);
  if (!children.some((child) => child.personId === input.personId))
    throw invalid({
      personId: "Barnet ska vara ärendets barn eller ett barn till ärendets person.",
    });
  const inserted = await trx
    .insertInto("child_work")
    .values({
      id: input.id,
      org_id: actor.orgId,
      unit_id: await unitFor(trx, actor, c.unit_id),
      case_id: c.id,
      person_id: input.personId,
      opened_on: input.openedOn,
      created_by: actor.userId,
    })
    .onConflict((oc) =>
      oc.columns(["case_id", "person_id"]).where("case_id", "is not", null).doNothing(),
    )
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows !== 1n)
    throw new AppError(409, "conflict", "Barnet har redan ett arbete hos kriscentrum i ärendet.");
}

export async function openCaseWork(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { personId: string; openedOn: string },
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "openedOn", input.openedOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const id = randomUUID();
  try {
    return await runCaseCommand(database, actor, meta, {
      caseId,
      action: "child_work.open",
      changes: true,
      requires: ["change"],
      closedMessage: "Ärendet är avslutat. Öppna det igen för att registrera barnets arbete.",
      run: async ({ trx, actor: a, case: c, abilities }) => {
        await insertCaseWork(trx, a, c, { ...input, id });
        const [work] = await loadWorks(trx, [id], (w) => abilities.change && !w.closed_on);
        return work!;
      },
      event: (_work, { case: c }) => [
        {
          action: "child_work.open",
          resourceType: "case",
          resourceId: caseId,
          personId: c.person_id,
          unitId: c.unit_id,
          personIds: [input.personId],
          data: { childWorkId: id, anchor: "case" },
        },
      ],
    });
  } catch (error) {
    if (!(error instanceof NoServiceUnit)) throw error;
    await recordCaseRefusal(database, actor, meta, caseId, "child_work.open");
    throw new AppError(
      403,
      "forbidden",
      "Barnets arbete registreras av den som ger stöd på en enhet.",
    );
  }
}

/** The course as its rule lets the actor see it (undefined: not theirs to see). */
function visibleCourse(trx: Trx, courseId: string) {
  return trx
    .selectFrom("service_course")
    .select(["id", "person_id", "unit_id", "is_child", "closed_at"])
    .where("id", "=", courseId)
    .executeTakeFirst();
}

async function refuseCourse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
  action: "child_work.open" | "child_work.read",
): Promise<never> {
  await recordCourseRefusal(database, actor, meta, courseId, action);
  throw new AppError(404, "not_found", "Kontakten finns inte, eller så saknar du behörighet.");
}

export async function openCourseWork(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
  input: { openedOn: string },
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "openedOn", input.openedOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const id = randomUUID();
  const opened = await withActor(database.db, actor, async (trx) => {
    // Two openings at once: the unique index keeps one work, the other answers 409.
    const course = await visibleCourse(trx, courseId);
    if (!course) return undefined;
    // A worker of one of its contacts may see the course without giving service at its unit.
    if (!unitsWithRole(actor, [...serviceRoles]).includes(course.unit_id)) return "forbidden";
    if (!course.is_child)
      throw invalid({ courseId: "Barnkriscentrums arbete registreras i ett barns kontakt." });
    if (course.closed_at)
      throw new AppError(409, "conflict", "Kontakten är avslutad och kan inte ändras.");
    const inserted = await trx
      .insertInto("child_work")
      .values({
        id,
        org_id: actor.orgId,
        unit_id: course.unit_id,
        course_id: courseId,
        opened_on: input.openedOn,
        created_by: actor.userId,
      })
      .onConflict((oc) => oc.column("course_id").where("course_id", "is not", null).doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows !== 1n)
      throw new AppError(
        409,
        "conflict",
        "Barnet har redan ett arbete hos kriscentrum i kontakten.",
      );
    const [work] = await loadWorks(trx, [id], (w) => !w.closed_on);
    await recordAudit(trx, auditContext(actor, meta), [
      courseEntry("child_work.open", course, { childWorkId: id, anchor: "course" }),
    ]);
    return work!;
  });
  if (opened === "forbidden") {
    await recordCourseRefusal(database, actor, meta, courseId, "child_work.open");
    throw new AppError(
      403,
      "forbidden",
      "Arbete med barnet öppnas av den som ger stöd på kontaktens enhet.",
    );
  }
  return opened ?? refuseCourse(database, actor, meta, courseId, "child_work.open");
}

/** The course's work, or null (and whether one may be opened), for the course's page. */
export async function readCourseWork(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  courseId: string,
) {
  const found = await withActor(database.db, actor, async (trx) => {
    const course = await visibleCourse(trx, courseId);
    if (!course) return undefined;
    const row = await trx
      .selectFrom("child_work")
      .select("id")
      .where("course_id", "=", courseId)
      .executeTakeFirst();
    const open = !course.closed_at;
    const [work] = row ? await loadWorks(trx, [row.id], (w) => open && !w.closed_on) : [];
    await recordAudit(trx, auditContext(actor, meta), [
      courseEntry("child_work.read", course, { childWorkIds: row ? [row.id] : [] }),
    ]);
    const givesService = unitsWithRole(actor, [...serviceRoles]).includes(course.unit_id);
    return { work: work ?? null, mayOpen: !work && open && course.is_child && givesService };
  });
  return found ?? refuseCourse(database, actor, meta, courseId, "child_work.read");
}

/** The case's children's works, and the children who have none yet. */
export function readCaseWorks(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "child_work.read",
    run: async ({ trx, case: c, abilities }) => {
      const rows = await trx
        .selectFrom("child_work")
        .select(["id", "person_id"])
        .where("case_id", "=", caseId)
        .execute();
      const works = await loadWorks(
        trx,
        rows.map((r) => r.id),
        (w) => abilities.change && !w.closed_on,
      );
      const children = (await childrenOfCase(trx, c)).filter(
        (child) => !rows.some((r) => r.person_id === child.personId),
      );
      return { works, children, mayOpen: abilities.change && children.length > 0 };
    },
    event: (result, { case: c }) => [
      {
        action: "child_work.read",
        resourceType: "case",
        resourceId: caseId,
        personId: c.person_id,
        unitId: c.unit_id,
        // Every child named on the page: those with a work and those offered one.
        personIds: [
          ...result.works.flatMap((w) => (w.anchor.kind === "case" ? [w.anchor.personId] : [])),
          ...result.children.map((child) => child.personId),
        ],
        data: { childWorkIds: result.works.map((w) => w.id) },
      },
    ],
  });
}
