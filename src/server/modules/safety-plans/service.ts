import { randomUUID } from "node:crypto";
import { pageFrom, pageSize } from "../../../shared/api/paging.ts";
import {
  protectedMeasureKinds,
  type SafetyMeasure,
  type SafetyPlanHistory,
  type SafetyPlanVersion,
} from "../../../shared/api/safety-plans.ts";
import { shownReference } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, openColumns, sealColumns } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import { renderSafetyPlan } from "../../output/safety-plan-pdf.ts";
import type { CaseRow } from "../cases/queries.ts";
import { liveReveal, masksContact, requireReveal } from "../persons/reveal.ts";

type HistoryPageQuery = { limit: number; before?: number | undefined };

/**
 * The case's safety plan: every save is a new version made from the one the worker saw
 * (a stale base answers 409, so nobody's change is silently lost); all versions are kept.
 * A read shows the current version and pages the history (shared/api/paging.ts): a plan
 * saved 1,600 times costs the same to open as one saved ten times.
 */
function versionRows(trx: Trx, caseId: string, limit: number, only: VersionFilter = {}) {
  // The limit is applied to the versions before the join: a history page then reads its 21
  // rows down the (case, version) key and stops, and row-level security checks only those.
  const newest = trx
    .selectFrom("safety_plan_version")
    .select(["id", "org_id", "version", "measures", "saved_at", "saved_by"])
    .where("case_id", "=", caseId)
    .$if(only.below !== undefined, (q) => q.where("version", "<", only.below ?? 0))
    .$if(only.exactly !== undefined, (q) => q.where("version", "=", only.exactly ?? 0))
    .orderBy("version", "desc")
    .limit(limit);
  return trx
    .selectFrom(newest.as("v"))
    .innerJoin("app_user as u", "u.id", "v.saved_by")
    .orderBy("v.version", "desc");
}
type VersionFilter = { below?: number | undefined; exactly?: number | undefined };

/**
 * The newest version, or the one asked for, with its measures opened (sealed at rest; a
 * version from before 0086 is read as the plain JSON it was) and, for a protected person
 * without the caller's live reveal, her code word, safe place and emergency number withheld.
 */
async function oneVersion(
  trx: Trx,
  plan: PlanReader,
  version?: number,
): Promise<SafetyPlanVersion | null> {
  const r = await versionRows(trx, plan.case.id, 1, { exactly: version })
    .select(["v.id", "v.org_id", "v.version", "v.measures", "v.saved_at", "u.display_name"])
    .executeTakeFirst();
  if (!r) return null;
  const opened = await openColumns(plan.cipher, "safety_plan_version", r.org_id, r.id, r);
  const measures = JSON.parse(opened.measures) as SafetyMeasure[];
  const masked = hasProtectedMeasure(measures) && (await plan.masks());
  return {
    version: r.version,
    measures: masked
      ? measures.map((m) => (isProtectedMeasure(m) ? { ...m, description: "" } : m))
      : measures,
    masked,
    savedAt: r.saved_at.toISOString(),
    savedBy: r.display_name,
  };
}

/** What reads a plan: the case, the cipher, and whether her details are masked to the caller. */
interface PlanReader {
  case: CaseRow;
  cipher: Cipher;
  masks: () => Promise<boolean>;
}

function planReader(trx: Trx, cipher: Cipher, actor: Actor, c: CaseRow): PlanReader {
  return {
    case: c,
    cipher,
    masks: async () =>
      masksContact(c.protection_level) && (await liveReveal(trx, actor, c.person_id)) === null,
  };
}

const isProtectedMeasure = (m: SafetyMeasure) => protectedMeasureKinds.includes(m.kind);
const hasProtectedMeasure = (measures: SafetyMeasure[]) => measures.some(isProtectedMeasure);

/** A page of the history: the versions below `before` (keyset on the (case, version) key). */
async function historyPage(
  trx: Trx,
  caseId: string,
  page: HistoryPageQuery = { limit: pageSize.default },
): Promise<SafetyPlanHistory> {
  const rows = await versionRows(trx, caseId, page.limit + 1, { below: page.before })
    .select(["v.version", "v.saved_at", "u.display_name"])
    .execute();
  return pageFrom(
    rows,
    page.limit,
    (r) => String(r.version),
    (r) => ({ version: r.version, savedAt: r.saved_at.toISOString(), savedBy: r.display_name }),
  );
}

async function planView(trx: Trx, plan: PlanReader) {
  return { current: await oneVersion(trx, plan), history: await historyPage(trx, plan.case.id) };
}

export function readSafetyPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  version?: number,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "safety_plan.read",
    run: async ({ trx, case: c }) => {
      const plan = planReader(trx, database.cipher, actor, c);
      if (version === undefined) return planView(trx, plan);
      const one = await oneVersion(trx, plan, version);
      if (!one)
        throw new AppError(404, "not_found", "Den versionen av säkerhetsplanen finns inte.");
      return { current: one, history: await historyPage(trx, caseId) };
    },
  });
}

/** An older page of the plan's history, read and audited like the plan itself. */
export function readSafetyPlanHistory(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  page: HistoryPageQuery,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "safety_plan.read",
    run: ({ trx }) => historyPage(trx, caseId, page),
  });
}

const savedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har sparat planen under tiden. Ladda om och gör ändringen i den senaste versionen.",
  );

export function saveSafetyPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { measures: SafetyMeasure[]; basedOnVersion: number | null },
) {
  // Sealed before the transaction opens (db/field-cipher.ts says why), bound to the row's id.
  const id = randomUUID();
  const sealing = sealColumns(database.cipher, "safety_plan_version", actor.orgId, id, {
    measures: JSON.stringify(input.measures),
  });
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "safety_plan.save",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att ändra planen.",
    run: async ({ trx, case: c }) => {
      const { measures } = await sealing;
      const plan = planReader(trx, database.cipher, actor, c);
      const base = await oneVersion(trx, plan);
      const latest = base?.version ?? null;
      if (input.basedOnVersion !== latest) throw savedMeanwhile();
      // A plan saved from one whose code word the worker could not see would lose it.
      if (base?.masked) await requireReveal(trx, actor, c.person_id, c.protection_level);
      const version = (latest ?? 0) + 1;
      // Two saves from the same base at once: the unique (case, version) key lets one in; the
      // other is told, as if it had come a moment later.
      const inserted = await trx
        .insertInto("safety_plan_version")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          version,
          measures,
          saved_by: actor.userId,
        })
        .onConflict((oc) => oc.columns(["case_id", "version"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) throw savedMeanwhile();
      return { version, view: await planView(trx, plan) };
    },
    event: ({ version }) => ({ data: { version } }),
  }).then(({ view }) => view);
}

export function printSafetyPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "safety_plan.print",
    run: async ({ trx, case: c }) => {
      const plan = await oneVersion(trx, planReader(trx, database.cipher, actor, c));
      if (!plan) throw new AppError(404, "not_found", "Ärendet har ingen säkerhetsplan ännu.");
      // Her code word on paper: as her address on a letter, only after a reveal with a reason.
      if (plan.masked) await requireReveal(trx, actor, c.person_id, c.protection_level);
      const head = await trx
        .selectFrom("case as k")
        .innerJoin("unit as un", "un.id", "k.unit_id")
        .innerJoin("organisation as o", "o.id", "k.org_id")
        .innerJoin("person as p", "p.id", "k.person_id")
        .select([
          "k.reference",
          "un.name as unit",
          "o.name as org",
          "p.given_name",
          "p.family_name",
          "p.protection_level",
        ])
        .where("k.id", "=", caseId)
        .executeTakeFirstOrThrow();
      const pdf = await renderSafetyPlan({
        organisation: head.org,
        unit: head.unit,
        reference: head.reference,
        person: {
          name: `${head.given_name} ${head.family_name}`,
          protectionLevel: head.protection_level,
        },
        plan,
      });
      // The file's name as the paper: no reference that ties a fictitious identity to the case.
      const reference = shownReference(head.protection_level, head.reference);
      return { pdf, reference, version: plan.version };
    },
    event: ({ version }) => ({ data: { version } }),
  }).then(({ pdf, reference }) => ({ pdf, reference }));
}
