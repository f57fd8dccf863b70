import { randomUUID } from "node:crypto";
import { type Selectable, sql } from "kysely";
import type { CaseView } from "../../../shared/api/cases.ts";
import type { IntakeView } from "../../../shared/api/intake.ts";
import type { CaseStatus } from "../../../shared/case-status.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, openColumns, sealColumns } from "../../db/sealed-columns.ts";
import type { CaseTypeName, IntakeTable } from "../../db/types.ts";
import { startScreeningAtIntake } from "../assessments/service.ts";
import { can } from "../cases/policy.ts";
import { findVisibleCaseWithDetails } from "../cases/queries.ts";
import { caseView, insertCase } from "../cases/service.ts";
import { changeCaseStatus } from "../cases/status-change.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { checkIntakeRules, fittingColumns, type IntakeInput, invalid } from "./rules.ts";

type Input = IntakeInput;

/** A report of concern is about a child; everything else here is an adult's application. */
function caseTypeFor(kind: Input["kind"]): { caseType: CaseTypeName; firstStatus: CaseStatus } {
  return kind === "report_of_concern"
    ? { caseType: "child", firstStatus: "preliminary_assessment" } // SoL 20 kap. 2 §
    : { caseType: "adult_victim", firstStatus: "investigation" }; // SoL 14 kap. 2 § (verify)
}

/** An intake as the API shows it, the reporter's phone and e-mail opened. */
export async function toIntakeView(
  cipher: Cipher,
  stored: Selectable<IntakeTable> & { recorded_by_name: string },
): Promise<IntakeView> {
  const row = await openColumns(cipher, "intake", stored.org_id, stored.id, stored);
  return {
    id: row.id,
    personId: row.person_id,
    unitId: row.unit_id,
    caseId: row.case_id,
    source: row.source,
    channel: row.channel,
    receivedAt: row.received_at.toISOString(),
    kind: row.kind,
    askedAboutViolence: row.asked_about_violence,
    violenceAnswer: row.violence_answer,
    reportText: row.report_text,
    reportedOn: row.reported_on === null ? null : String(row.reported_on).slice(0, 10),
    reporterOrganisation: row.reporter_organisation,
    reporterName: row.reporter_name,
    reporterPhone: row.reporter_phone,
    reporterEmail: row.reporter_email,
    interpreterNeeded: row.interpreter_needed,
    interpreterLanguage: row.interpreter_language,
    childrenInHousehold: row.children_in_household,
    informationOnlyReason: row.information_only_reason,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at.toISOString(),
  };
}

function intakeQuery(trx: Trx) {
  return trx
    .selectFrom("intake as i")
    .innerJoin("app_user as u", "u.id", "i.recorded_by")
    .selectAll("i")
    .select("u.display_name as recorded_by_name");
}

/** Opens the case for an application or report, or finds the person's open case at the unit. */
async function caseFor(
  trx: Trx,
  actor: Actor,
  input: Input,
): Promise<{ caseId: string; joined: boolean }> {
  // Two reports about one child at one unit, recorded at the same moment, must land in one
  // case: the second waits here until the first has opened it, then joins it. The lock is
  // the person's at the unit only (a transaction-scoped advisory lock), so other intakes
  // never wait for it.
  await sql`select pg_advisory_xact_lock(hashtextextended(${`intake:${input.person_id}:${input.unit_id}`}, 0))`.execute(
    trx,
  );
  const { rows } = await sql<{
    id: string | null;
  }>`select frid_open_case_for(${input.person_id}::uuid, ${input.unit_id}::uuid) as id`.execute(
    trx,
  );
  const existing = rows[0]?.id ?? null;
  if (existing) return { caseId: existing, joined: true };
  const { caseType, firstStatus } = caseTypeFor(input.kind);
  const caseId = await insertCase(trx, actor, {
    personId: input.person_id,
    unitId: input.unit_id,
    caseType,
  });
  await changeCaseStatus(trx, actor, caseId, {
    from: "intake",
    to: firstStatus,
    trigger: input.kind === "report_of_concern" ? "intake_report_of_concern" : "intake_application",
  });
  return { caseId, joined: false };
}

type IntakeAnswer = { intake: IntakeView; case: CaseView | null; joinedExistingCase: boolean };
type Target = { caseId: string; joined: boolean } | null;

/**
 * Records how a matter reached the unit (aktualisering). An application or a report of
 * concern opens a case — straight into investigation for an adult, into the preliminary
 * assessment for a child — or joins the person's case already open at the unit.
 */
export async function recordIntake(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: Input,
): Promise<IntakeAnswer> {
  checkIntake(actor, input);
  // A command on a person that may open a case (no case to run a case command on yet): it
  // stays in the actor's own transaction, and a refusal is a person's (denyPerson).
  const result = await withActor(database.db, actor, (trx) =>
    recordIntakeOf(trx, database.cipher, actor, meta, input),
  );
  return result ?? denyPerson(database, actor, meta, input.person_id, "intake.record");
}

/** Whether the actor may record this intake at its unit, and its rules; a 400 otherwise. */
export function checkIntake(actor: Actor, input: Input): void {
  if (!can(actor, "case.open", { unitId: input.unit_id })) {
    throw invalid({
      unitId: "Du kan bara registrera aktualiseringar på en enhet där du har en roll.",
    });
  }
  checkIntakeRules(input);
}

/**
 * The intake of a visible person, with the case it opens or joins; null for one not visible.
 * Also the one way another command records an intake in its own transaction (a service
 * contact turned into an intake, modules/service-contacts), after checkIntake.
 */
export async function recordIntakeOf(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  meta: RequestMeta,
  input: Input,
): Promise<IntakeAnswer | null> {
  if (!(await findVisiblePerson(trx, actor, input.person_id))) return null;
  const target = input.kind === "request_for_information" ? null : await caseFor(trx, actor, input);
  const id = await insertIntake(trx, cipher, actor, input, target);
  // Asked about violence while opening an adult's case: the screening waits as a draft.
  if (target && !target.joined && input.asked_about_violence)
    await screenOpenedCase(trx, actor, meta, target.caseId);
  // An interpreter need learnt at intake is a fact about the person, kept where the case
  // work reads it; one already recorded is not overwritten.
  if (input.interpreter_needed) {
    await trx
      .updateTable("person")
      .set({
        interpreter_needed: true,
        interpreter_language: input.interpreter_language,
        updated_at: new Date(),
      })
      .where("id", "=", input.person_id)
      .where("interpreter_needed", "=", false)
      .execute();
  }
  await recordAudit(trx, auditContext(actor, meta), [
    {
      action: "intake.record",
      resourceType: "person",
      resourceId: input.person_id,
      personId: input.person_id,
      unitId: input.unit_id,
      data: { intakeId: id, kind: input.kind, caseId: target?.caseId ?? null },
    },
  ]);
  return intakeAnswer(trx, cipher, actor, id, target);
}

async function insertIntake(trx: Trx, cipher: Cipher, actor: Actor, input: Input, target: Target) {
  const id = randomUUID();
  const { receivedAt, ...plain } = input;
  const columns = await sealColumns(cipher, "intake", actor.orgId, id, plain);
  await trx
    .insertInto("intake")
    .values({
      ...columns,
      id,
      org_id: actor.orgId,
      case_id: target?.caseId ?? null,
      received_at: new Date(receivedAt),
      ...fittingColumns(input),
      interpreter_language: input.interpreter_needed ? input.interpreter_language : null,
      information_only_reason:
        input.kind === "request_for_information" ? input.information_only_reason : null,
      recorded_by: actor.userId,
    })
    .execute();
  return id;
}

/** Starts the violence screening as a draft in a newly opened adult's case. */
async function screenOpenedCase(trx: Trx, actor: Actor, meta: RequestMeta, caseId: string) {
  const opened = await trx
    .selectFrom("case")
    .select(["id", "person_id", "unit_id", "case_type"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  if (opened.case_type === "adult_victim") await startScreeningAtIntake(trx, actor, meta, opened);
}

/** The intake as recorded, and the case it opened or joined as the actor sees it. */
async function intakeAnswer(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  id: string,
  target: Target,
): Promise<IntakeAnswer> {
  const intake = await toIntakeView(
    cipher,
    await intakeQuery(trx).where("i.id", "=", id).executeTakeFirstOrThrow(),
  );
  const row = target ? await findVisibleCaseWithDetails(trx, actor, target.caseId) : undefined;
  return {
    intake,
    case: row ? caseView(actor, row) : null,
    joinedExistingCase: target?.joined ?? false,
  };
}

export async function listIntakes(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  const rows = await runCaseCommand(database, actor, meta, {
    caseId,
    action: "intake.read",
    run: ({ trx }) =>
      intakeQuery(trx).where("i.case_id", "=", caseId).orderBy("i.received_at", "desc").execute(),
  });
  return Promise.all(rows.map((r) => toIntakeView(database.cipher, r)));
}
