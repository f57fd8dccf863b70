import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { SurveyStateName } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import { surveyUnits } from "./policy.ts";

/**
 * The survey guard: every read and command on one survey passes here, like runPlaceCommand
 * for a place. A survey of a unit where the actor makes no surveys answers like a missing one
 * (404), and so does a respondent that is not the survey's (SurveyRecordMissing, thrown by
 * `run`); both refusals are audited in a transaction of their own. A success's event is
 * written in the command's transaction.
 */
export const conflict = (message: string) => new AppError(409, "conflict", message);
export const today = () => stockholmDate(new Date());

export const surveyNotFound = () =>
  new AppError(404, "not_found", "Enkäten finns inte, eller så saknar du behörighet.");

/** Thrown by a command's `run` for a part of the survey that is not there (a respondent). */
export class SurveyRecordMissing extends Error {
  unitId: string | null = null;
  constructor(message = "Mottagaren finns inte i enkäten.") {
    super(message);
  }
}

export interface SurveyRow {
  id: string;
  unit_id: string;
  state: SurveyStateName;
}

export interface SurveyCommand<A extends AuditAction, T> {
  surveyId: string;
  action: A;
  /** Locks the survey row first (commands that change its state or its respondents). */
  lock?: boolean;
  run: (trx: Trx, survey: SurveyRow) => Promise<T>;
  event: (result: NoInfer<T>) => AuditData<A>;
}

export async function runSurveyCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: SurveyCommand<A, T>,
): Promise<T> {
  const { surveyId, action } = command;
  const units = surveyUnits(actor);
  type Outcome = { value: T } | { refused: string; unitId?: string };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    if (units.length === 0) return { refused: surveyNotFound().message };
    let query = trx
      .selectFrom("survey")
      .select(["id", "unit_id", "state"])
      .where("id", "=", surveyId)
      .where("unit_id", "in", units);
    if (command.lock) query = query.forUpdate();
    const survey = await query.executeTakeFirst();
    if (!survey) return { refused: surveyNotFound().message };
    try {
      const value = await command.run(trx, survey);
      await recordAudit(trx, auditContext(actor, meta), [
        { ...surveyEntry(action, survey), data: command.event(value) },
      ]);
      return { value };
    } catch (error) {
      // Thrown on, so whatever `run` wrote is rolled back; the refusal is recorded below.
      if (error instanceof SurveyRecordMissing) error.unitId = survey.unit_id;
      throw error;
    }
  }).catch((error: unknown): Outcome => {
    if (!(error instanceof SurveyRecordMissing)) throw error;
    return { refused: error.message, unitId: error.unitId ?? undefined };
  });
  if ("value" in outcome) return outcome.value;
  await recordSurveyRefusal(database, actor, meta, action, surveyId, outcome.unitId);
  throw new AppError(404, "not_found", outcome.refused);
}

const surveyEntry = <A extends AuditAction>(
  action: A,
  survey: { id: string; unit_id: string },
) => ({
  action,
  resourceType: "survey" as const,
  resourceId: survey.id,
  unitId: survey.unit_id,
});

/** Leaves a trace of a refused look at or change of a survey (the caller learns nothing). */
export function recordSurveyRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  surveyId: string | null,
  unitId: string | null = null,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: "survey",
        resourceId: surveyId,
        unitId,
      },
    ]),
  );
}
