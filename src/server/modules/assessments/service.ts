import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { AssessmentView } from "../../../shared/api/assessments.ts";
import { type Page, pageFrom, pageSize } from "../../../shared/api/paging.ts";
import { addMonths, stockholmDate } from "../../../shared/calendar.ts";
import type { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import {
  type Answers,
  checkAnswers,
  computeScores,
  mainLevel,
  reassessMonths,
  type ScoreResult,
} from "../../../shared/instruments/engine.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { auditCase } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalidCursor } from "../../http/errors.ts";
import { availableInstruments, ensureStored, storedVersion } from "./registry.ts";

/**
 * Risk assessments in a case: started on the latest version of an instrument, saved as a
 * draft as often as needed, completed once with the professional's judgement and reasons —
 * which may differ from the level the score suggests. Completed ones never change (a
 * database trigger sees to it); a new assessment supersedes.
 * Commands lock the case first (runCaseCommand with `changes`): a completion reads the
 * answers it scores after any draft save racing it has landed, so the result kept is the
 * result of the answers kept (on PostgreSQL a save could slip in between, leaving a score of other answers).
 */
const invalid = (fields: Record<string, string>, message = "Några uppgifter behöver rättas.") =>
  new AppError(400, "validation_failed", message, fields);

type Keyset = { created_at: Date; id: string };

/**
 * Which assessments: one by id; or every draft (few: in progress, never paged); or a page of
 * the completed ones, newest first by keyset (created_at, id) below `after` — the
 * (case_id, created_at) index serves the order; the id only breaks ties.
 */
type Which = { id: string } | { drafts: true } | { limit: number; after?: Keyset | undefined };

async function rows(trx: Trx, caseId: string, which: Which) {
  return trx
    .selectFrom("assessment as a")
    .innerJoin("app_user as c", "c.id", "a.created_by")
    .leftJoin("app_user as d", "d.id", "a.completed_by")
    .selectAll("a")
    .select(["c.display_name as created_by_name", "d.display_name as completed_by_name"])
    .where("a.case_id", "=", caseId)
    .$if("id" in which, (q) => q.where("a.id", "=", "id" in which ? which.id : ""))
    .$if("drafts" in which, (q) => q.where("a.completed_at", "is", null))
    .$if("limit" in which, (q) => {
      const after = "limit" in which ? which.after : undefined;
      return q
        .where("a.completed_at", "is not", null)
        .$if(after !== undefined, (k) =>
          k.where(sql<boolean>`(a.created_at, a.id) < (${after?.created_at}, ${after?.id}::uuid)`),
        )
        .limit(("limit" in which ? which.limit : 0) + 1);
    })
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .execute();
}

async function views(trx: Trx, orgId: string, caseId: string, which: Which) {
  const found = await rows(trx, caseId, which);
  const definitions = new Map<string, InstrumentDefinition>();
  const out: AssessmentView[] = [];
  for (const r of found) {
    const key = `${r.instrument_id}@${r.instrument_version}`;
    if (!definitions.has(key)) {
      const d = await storedVersion(trx, orgId, r.instrument_id, r.instrument_version);
      if (d) definitions.set(key, d);
    }
    const d = definitions.get(key) as InstrumentDefinition;
    const answers = r.answers as Answers;
    const result = (r.result as ScoreResult | null) ?? computeScores(d, answers);
    const level = mainLevel(d, r.judgements);
    out.push({
      id: r.id,
      caseId: r.case_id,
      instrument: { id: d.id, version: d.version, name: d.name },
      status: r.completed_at ? "completed" : "draft",
      answers,
      assessedOn: r.assessed_on,
      clientPresent: r.client_present,
      interpreterUsed: r.interpreter_used,
      result,
      judgements: r.judgements,
      reasons: r.reasons,
      createdBy: r.created_by_name,
      completedAt: r.completed_at ? r.completed_at.toISOString() : null,
      completedBy: r.completed_by_name,
      reassessDue:
        r.completed_at && level ? addMonths(r.assessed_on, reassessMonths(d, level)) : null,
    });
  }
  return out;
}

/** A page of completed assessments from up to limit + 1 views, the cursor the last one's id. */
async function completedPage(
  trx: Trx,
  orgId: string,
  caseId: string,
  limit: number,
  after?: Keyset,
): Promise<Page<AssessmentView>> {
  const found = await views(trx, orgId, caseId, { limit, after });
  return pageFrom(
    found,
    limit,
    (a) => a.id,
    (a) => a,
  );
}

/**
 * The case's assessments as the panel opens: every draft in progress first (however old —
 * work someone is doing must not hide on a later page), then the newest page of completed
 * ones. Older completed ones from readAssessmentHistory.
 */
export function readAssessments(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "assessment.read",
    run: async ({ trx }) => {
      const drafts = await views(trx, actor.orgId, caseId, { drafts: true });
      const page = await completedPage(trx, actor.orgId, caseId, pageSize.default);
      return { assessments: [...drafts, ...page.items], nextCursor: page.nextCursor };
    },
  });
}

/**
 * An older page of the case's completed assessments. A cursor that is not a completed
 * assessment of this case — made up, a draft, or from another case — is refused.
 */
export function readAssessmentHistory(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  page: { limit: number; before?: string | undefined },
): Promise<Page<AssessmentView>> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "assessment.read",
    run: async ({ trx }) => {
      const after =
        page.before === undefined
          ? undefined
          : await trx
              .selectFrom("assessment")
              .select(["created_at", "id"])
              .where("id", "=", page.before)
              .where("case_id", "=", caseId)
              .where("completed_at", "is not", null)
              .executeTakeFirst();
      if (page.before !== undefined && !after) throw invalidCursor();
      return completedPage(trx, actor.orgId, caseId, page.limit, after);
    },
  });
}

export function startAssessment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  instrumentId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "assessment.start",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att bedöma.",
    run: async ({ trx, case: c }) => {
      const d = (await availableInstruments(trx, actor.orgId, c.case_type)).find(
        (i) => i.id === instrumentId,
      );
      if (!d)
        throw invalid({ instrumentId: "Instrumentet finns inte för den här typen av ärende." });
      await ensureStored(trx, actor.orgId, d);
      const id = randomUUID();
      await trx
        .insertInto("assessment")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          instrument_id: d.id,
          instrument_version: d.version,
          assessed_on: stockholmDate(new Date()),
          created_by: actor.userId,
        })
        .execute();
      const view = (await views(trx, actor.orgId, caseId, { id }))[0] as AssessmentView;
      return { view, instrument: `${d.id}@${d.version}` };
    },
    event: ({ view, instrument }) => ({ data: { assessmentId: view.id, instrument } }),
  }).then(({ view }) => view);
}

const completedMeanwhile = () =>
  new AppError(409, "conflict", "Bedömningen är slutförd och ändras inte. Gör en ny.");

async function draftOf(trx: Trx, orgId: string, caseId: string, id: string) {
  const row = await trx
    .selectFrom("assessment")
    .select(["id", "instrument_id", "instrument_version", "completed_at", "answers", "assessed_on"])
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new AppError(404, "not_found", "Bedömningen finns inte i ärendet.");
  if (row.completed_at) throw completedMeanwhile();
  const d = await storedVersion(trx, orgId, row.instrument_id, row.instrument_version);
  return { row, definition: d as InstrumentDefinition };
}

export function saveAssessment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  id: string,
  input: {
    answers: Answers;
    assessedOn: string;
    clientPresent: boolean | null;
    interpreterUsed: boolean | null;
  },
) {
  if (input.assessedOn > stockholmDate(new Date()))
    throw invalid({ assessedOn: "Datumet kan inte ligga i framtiden." });
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "assessment.save",
    changes: true,
    requires: ["change"],
    run: async ({ trx }) => {
      const { definition } = await draftOf(trx, actor.orgId, caseId, id);
      const errors = checkAnswers(definition, input.answers, { complete: false });
      if (Object.keys(errors).length > 0)
        throw invalid(
          Object.fromEntries(Object.entries(errors).map(([k, v]) => [`answers.${k}`, v])),
        );
      const saved = await trx
        .updateTable("assessment")
        .set({
          answers: JSON.stringify(input.answers),
          assessed_on: input.assessedOn,
          client_present: input.clientPresent,
          interpreter_used: input.interpreterUsed,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .where("completed_at", "is", null)
        .executeTakeFirstOrThrow();
      if (saved.numUpdatedRows !== 1n) throw completedMeanwhile();
      return (await views(trx, actor.orgId, caseId, { id }))[0] as AssessmentView;
    },
    event: () => ({ data: { assessmentId: id } }),
  });
}

export function completeAssessment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  id: string,
  input: { judgements: Record<string, string>; reasons: string },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "assessment.complete",
    changes: true,
    requires: ["change"],
    run: async ({ trx }) => {
      const { row, definition: d } = await draftOf(trx, actor.orgId, caseId, id);
      const answers = row.answers as Answers;
      const errors = checkAnswers(d, answers, { complete: true });
      if (Object.keys(errors).length > 0)
        throw invalid(
          Object.fromEntries(Object.entries(errors).map(([k, v]) => [`answers.${k}`, v])),
          "Bedömningen kan inte slutföras förrän frågorna är besvarade.",
        );
      const levels = d.judgement.levels.map((l) => l.value);
      const fields: Record<string, string> = {};
      for (const dim of d.judgement.dimensions) {
        const level = input.judgements[dim.value];
        if (!level || !levels.includes(level))
          fields[`judgements.${dim.value}`] = `Välj en nivå för ${dim.label.toLowerCase()}.`;
      }
      for (const key of Object.keys(input.judgements))
        if (!d.judgement.dimensions.some((dim) => dim.value === key))
          fields[`judgements.${key}`] = "Den här bedömningen finns inte i instrumentet.";
      const result = computeScores(d, answers);
      const main = mainLevel(d, input.judgements);
      const departs = result.suggestedLevel !== null && main !== result.suggestedLevel;
      if ((d.judgement.reasonsRequired || departs) && input.reasons.trim() === "")
        fields.reasons = departs
          ? "Din bedömning skiljer sig från den föreslagna nivån – skriv varför."
          : "Skriv skälen för din bedömning.";
      if (Object.keys(fields).length > 0) throw invalid(fields);
      const completed = await trx
        .updateTable("assessment")
        .set({
          result: JSON.stringify(result),
          judgements: JSON.stringify(input.judgements),
          reasons: input.reasons.trim(),
          completed_at: new Date(),
          completed_by: actor.userId,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .where("completed_at", "is", null)
        .executeTakeFirstOrThrow();
      // Completed by someone else between the check and now: theirs stands, this one is told.
      if (completed.numUpdatedRows !== 1n) throw completedMeanwhile();
      return (await views(trx, actor.orgId, caseId, { id }))[0] as AssessmentView;
    },
    event: () => ({ data: { assessmentId: id, judgements: input.judgements } }),
  });
}

/**
 * Intake wiring: when the worker asked about violence while opening an adult's case, the
 * screening questions are waiting in the case as a draft, so the answers are recorded the
 * structured way (issue 5: screening asked of every client at intake).
 */
export async function startScreeningAtIntake(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  c: { id: string; person_id: string; unit_id: string; case_type: string },
) {
  const screening = (await availableInstruments(trx, actor.orgId, c.case_type)).find(
    (i) => i.kind === "screening",
  );
  if (!screening) return;
  await ensureStored(trx, actor.orgId, screening);
  const id = randomUUID();
  await trx
    .insertInto("assessment")
    .values({
      id,
      org_id: actor.orgId,
      case_id: c.id,
      instrument_id: screening.id,
      instrument_version: screening.version,
      assessed_on: stockholmDate(new Date()),
      created_by: actor.userId,
    })
    .execute();
  await auditCase(trx, actor, meta, c, "assessment.start", {
    assessmentId: id,
    instrument: `${screening.id}@${screening.version}`,
  });
}
