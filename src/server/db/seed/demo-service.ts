import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { daysAgo } from "./demo-clock.ts";
import { type DemoCase, demoCases } from "./demo-data.ts";

/**
 * Kriscentrum's service contacts (issue 17), all by behandlare1 (Per Holm): an anonymous
 * woman's call two days ago; Miriam (first name and birth year only, no person record) in a
 * series of three counselling visits; and Johan Lind's first call, which became the intake of
 * his treatment case (his case opened half an hour later). All fictional.
 */
type Trx = Transaction<Database>;

export interface DemoServiceIds {
  orgId: string;
  crisisUnitId: string;
  workerId: string;
  johan: { personId: string; caseId: string };
}

const johanNumber = "197905119850";

/** The ids seedDemoService needs, from demo.ts's lookups and the demo cases' ids. */
export function demoServiceIds(
  orgId: string,
  lookups: {
    unitId: (key: string) => string;
    userId: (username: string) => string;
    personId: (number: string) => string;
  },
  caseIds: string[],
): DemoServiceIds {
  const index = demoCases.findIndex((c: DemoCase) => c.person === johanNumber);
  return {
    orgId,
    crisisUnitId: lookups.unitId("crisis"),
    workerId: lookups.userId("behandlare1"),
    johan: { personId: lookups.personId(johanNumber), caseId: caseIds[index] as string },
  };
}

type Subject =
  | { kind: "anonymous" }
  | { kind: "first_name"; firstName: string; birthYear: number }
  | { kind: "identified"; personId: string };

interface DemoContact {
  kind: "phone_advice" | "counselling_visit";
  at: Date;
  minutes: number;
  violence: string[];
  topic: string;
  summary: string;
  intakeId?: string;
}

/** A course at Kriscentrum, behandlare1's. */
async function addCourse(
  trx: Trx,
  ids: DemoServiceIds,
  subject: Subject,
  sex: "female" | "male",
  at: Date,
) {
  const id = randomUUID();
  await trx
    .insertInto("service_course")
    .values({
      id,
      org_id: ids.orgId,
      unit_id: ids.crisisUnitId,
      subject_kind: subject.kind,
      person_id: subject.kind === "identified" ? subject.personId : null,
      first_name: subject.kind === "first_name" ? subject.firstName : null,
      birth_year: subject.kind === "first_name" ? subject.birthYear : null,
      sex,
      responsible_id: ids.workerId,
      created_by: ids.workerId,
      created_at: at,
    })
    .execute();
  return id;
}

function addContact(trx: Trx, ids: DemoServiceIds, courseId: string, c: DemoContact) {
  return trx
    .insertInto("service_contact")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      course_id: courseId,
      kind: c.kind,
      channel: c.kind === "phone_advice" ? "phone" : "visit",
      occurred_at: c.at,
      duration_minutes: c.minutes,
      worker_id: ids.workerId,
      violence_kinds: c.violence,
      topic: c.topic,
      summary: c.summary,
      outcome: c.intakeId ? "intake_made" : "advice_given",
      intake_id: c.intakeId ?? null,
      created_by: ids.workerId,
      created_at: c.at,
    })
    .execute();
}

export async function seedDemoService(trx: Trx, ids: DemoServiceIds): Promise<void> {
  const call = daysAgo(2, -90);
  await addContact(trx, ids, await addCourse(trx, ids, { kind: "anonymous" }, "female", call), {
    kind: "phone_advice",
    at: call,
    minutes: 25,
    violence: ["psychological", "physical"],
    topic: "Orolig för sin relation",
    summary:
      "Ringde utan att vilja säga sitt namn. Partnern kontrollerar hennes telefon och ekonomi. Pratade om skyddsplanering och om att hon kan ringa igen eller komma på besök.",
  });
  await seedMiriam(trx, ids);
  await seedJohansCall(trx, ids);
}

/** Miriam's series of three counselling visits: one course, by first name and birth year. */
async function seedMiriam(trx: Trx, ids: DemoServiceIds) {
  const subject = { kind: "first_name", firstName: "Miriam", birthYear: 1984 } as const;
  const miriam = await addCourse(trx, ids, subject, "female", daysAgo(21));
  for (const [days, minutes, summary] of [
    [21, 60, "Första samtalet. Berättar om uppbrottet i våras och sömnsvårigheter."],
    [14, 50, "Har börjat sova bättre. Rädd för överlämningarna av barnen."],
    [7, 50, "Planerade överlämningarna med stöd av familjerätten."],
  ] as const)
    await addContact(trx, ids, miriam, {
      kind: "counselling_visit",
      at: daysAgo(days),
      minutes,
      violence: ["psychological"],
      topic: "Stödsamtal efter uppbrott",
      summary,
    });
}

/** Johan Lind called half an hour before his case opened; the call became its intake. */
async function seedJohansCall(trx: Trx, ids: DemoServiceIds) {
  const called = daysAgo(30, -30);
  const said = "Har slagit sin partner två gånger. Vill börja i behandling.";
  const topic = "Vill ha hjälp att sluta utöva våld";
  const intakeId = randomUUID();
  await trx
    .insertInto("intake")
    .values({
      id: intakeId,
      org_id: ids.orgId,
      unit_id: ids.crisisUnitId,
      person_id: ids.johan.personId,
      case_id: ids.johan.caseId,
      source: "the_person",
      channel: "phone",
      received_at: called,
      recorded_at: daysAgo(30),
      kind: "application",
      asked_about_violence: true,
      violence_answer: "Säger att han har slagit sin partner och vill sluta.",
      interpreter_needed: false,
      report_text: `${topic}\n\n${said}`,
      recorded_by: ids.workerId,
    })
    .execute();
  const subject = { kind: "identified", personId: ids.johan.personId } as const;
  await addContact(trx, ids, await addCourse(trx, ids, subject, "male", called), {
    kind: "phone_advice",
    at: called,
    minutes: 20,
    violence: ["physical"],
    topic,
    summary: said,
    intakeId,
  });
}
