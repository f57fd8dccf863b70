import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { RiskConferenceView } from "../../../shared/api/risk-conferences.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { caseNotFound, recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { consentsHolding, requireValidConsent } from "../consents/validity.ts";
import { criteriaOf } from "./criteria.ts";
import { actionsOf, conferencesOf, conferenceView, disclosuresOf } from "./queries.ts";

/**
 * The multi-agency risk conference of a case (issue 18, item 8): the criteria, the referral
 * (with the assessment copied, never re-keyed), the conference's agencies, research answers,
 * agenda, actions and follow-up, and one agency's pack. Every read and command runs as a
 * command on the case (runCaseCommand); a conference or action by its own id finds its case
 * first (frid_risk_conference_case, 0068) for routing and the trail only.
 */

const changeCase = {
  changes: true,
  requires: ["change" as const],
  closedMessage: "Ärendet är avslutat. Öppna det igen för att arbeta med riskkonferensen.",
};

const invalid = (field: string, message: string) =>
  new AppError(400, "validation_failed", message, { [field]: message });

export function readCriteria(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "risk_conference.criteria",
    run: async ({ trx, case: c }) =>
      (
        await criteriaOf(
          trx,
          { orgId: actor.orgId, caseId, personId: c.person_id },
          stockholmDate(new Date()),
        )
      ).criteria,
  });
}

export function listConferences(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "risk_conference.read",
    run: ({ trx }) => conferencesOf(trx, caseId),
  });
}

async function secrecyRuleExists(trx: Trx, code: string) {
  const row = await trx
    .selectFrom("secrecy_rule")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Refers the case: only when a criterion is met. The latest completed assessment is copied
 * into the referral as it is now (with its id); the criteria as computed today. Made on the
 * person's valid consent, or without it on a secrecy-breaking rule of the catalogue.
 */
export function referToConference(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { addition: string; consentId?: string | undefined; secrecyRule?: string | undefined },
) {
  const today = stockholmDate(new Date());
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "risk_conference.refer",
    ...changeCase,
    run: async ({ trx, case: c }) => {
      const { criteria, snapshot } = await criteriaOf(
        trx,
        { orgId: actor.orgId, caseId, personId: c.person_id },
        today,
      );
      if (!criteria.met)
        throw new AppError(
          409,
          "conflict",
          `Ärendet uppfyller inget kriterium för riskkonferens. ${criteria.highRisk.reason} ${criteria.escalation.reason}`,
        );
      if (input.consentId)
        await requireValidConsent(trx, input.consentId, {
          personId: c.person_id,
          agencyId: null,
          on: today,
        });
      if (input.secrecyRule && !(await secrecyRuleExists(trx, input.secrecyRule)))
        throw invalid("secrecyRule", "Välj en sekretessbrytande regel ur listan.");
      const id = randomUUID();
      await trx
        .insertInto("risk_conference")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          person_id: c.person_id,
          referred_on: today,
          referred_by: actor.userId,
          assessment_id: snapshot?.assessmentId ?? null,
          assessment_snapshot: snapshot ? JSON.stringify(snapshot) : null,
          criteria: JSON.stringify(criteria),
          addition: input.addition,
          consent_id: input.consentId ?? null,
          secrecy_rule: input.secrecyRule ?? null,
        })
        .execute();
      return {
        view: (await conferenceView(trx, caseId, id)) as RiskConferenceView,
        repeat: criteria.repeat.flagged,
      };
    },
    event: ({ view, repeat }) => ({ data: { conferenceId: view.id, repeat } }),
  }).then(({ view }) => view);
}

/** The case of a conference or an action, for routing and the trail only. */
async function caseOf(
  database: DatabaseHandle,
  actor: Actor,
  kind: "conference" | "action",
  id: string,
) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await (kind === "conference"
      ? sql<{ case_id: string | null }>`select frid_risk_conference_case(${id}::uuid) as case_id`
      : sql<{
          case_id: string | null;
        }>`select frid_risk_conference_action_case(${id}::uuid) as case_id`
    ).execute(trx);
    return rows[0]?.case_id ?? null;
  });
}

/**
 * A read or command on one conference (or action), run as a command on its case. One that
 * does not exist answers as a case the caller may not see (404), audited.
 */
export async function onConference<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  target: { kind: "conference" | "action"; id: string },
  command: {
    action: A;
    changes: boolean;
    run: (trx: Trx, caseId: string, personId: string) => Promise<T>;
    data: (value: T) => AuditData<A>;
  },
): Promise<T> {
  const caseId = await caseOf(database, actor, target.kind, target.id);
  if (!caseId) {
    await recordCaseRefusal(database, actor, meta, null, command.action);
    throw caseNotFound();
  }
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: command.action,
    ...(command.changes ? changeCase : {}),
    run: ({ trx, case: c }) => command.run(trx, caseId, c.person_id),
    event: (value) => ({ data: command.data(value) }),
  });
}

export function readConference(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
) {
  return onConference(
    database,
    actor,
    meta,
    { kind: "conference", id },
    {
      action: "risk_conference.read",
      changes: false,
      run: async (trx, caseId) => {
        const view = await conferenceView(trx, caseId, id);
        if (!view) throw caseNotFound();
        return view;
      },
      data: () => ({ conferenceId: id }),
    },
  );
}

/** The disclosures whose ground still holds today: a rule, or a consent not ended since. */
async function stillConsented(trx: Trx, disclosures: RiskConferenceView["disclosures"]) {
  const onConsent = disclosures.filter((d) => d.ground === "consent").map((d) => d.id);
  if (onConsent.length === 0) return disclosures;
  const rows = await trx
    .selectFrom("disclosure")
    .select(["id", "consent_id"])
    .where("id", "in", onConsent)
    .execute();
  const holding = await consentsHolding(
    trx,
    rows.flatMap((r) => (r.consent_id ? [r.consent_id] : [])),
    stockholmDate(new Date()),
  );
  const ended = new Set(
    rows.filter((r) => !r.consent_id || !holding.has(r.consent_id)).map((r) => r.id),
  );
  return disclosures.filter((d) => !ended.has(d.id));
}

/**
 * One agency's pack: only what was disclosed to that agency for this conference, while the
 * consent it was disclosed on still holds, and that agency's own actions — never the case's
 * other records, nor the agenda (the workers' own text, not a disclosure), nor the assessment
 * unless it was disclosed to them.
 */
export function readPack(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  agencyId: string,
) {
  return onConference(
    database,
    actor,
    meta,
    { kind: "conference", id },
    {
      action: "risk_conference.pack",
      changes: false,
      run: async (trx) => {
        const taking = await trx
          .selectFrom("risk_conference_agency as p")
          .innerJoin("risk_conference as r", "r.id", "p.conference_id")
          .innerJoin("agency as g", "g.id", "p.agency_id")
          .select(["g.id", "g.name", "r.meeting_on"])
          .where("p.conference_id", "=", id)
          .where("p.agency_id", "=", agencyId)
          .executeTakeFirst();
        if (!taking)
          throw new AppError(409, "conflict", "Myndigheten deltar inte i riskkonferensen.");
        return {
          conferenceId: id,
          agency: { id: taking.id, name: taking.name },
          meetingOn: taking.meeting_on,
          disclosures: await stillConsented(trx, await disclosuresOf(trx, id, agencyId)),
          actions: await actionsOf(trx, id, agencyId),
        };
      },
      data: () => ({ conferenceId: id, agencyId }),
    },
  );
}
