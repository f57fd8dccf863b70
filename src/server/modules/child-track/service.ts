import type { ChildTrackView } from "../../../shared/api/child-track.ts";
import {
  childInvestigationDue,
  childInvestigationLastDay,
  preliminaryAssessmentDue,
  preliminaryAssessmentLastDay,
  protectionAssessmentDue,
} from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { hasRole } from "../../access/actor.ts";
import { type CaseCommand, runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { AuditAction } from "../../audit/events.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { changeCaseStatus } from "../cases/status-change.ts";

/**
 * The children's track (SoL 2025:400 20 kap.): every report of concern gets a protection
 * assessment the day it arrives; the preliminary assessment decides within 14 days whether
 * to open an investigation; a child's investigation ends within 4 months unless extended by
 * a recorded decision with reasons. All deadlines come from shared/deadlines.ts.
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
const notAChild = () => new AppError(409, "conflict", "Ärendet gäller inte ett barn.");

/**
 * A visible case that must be a child's (409 otherwise), through runCaseCommand. Commands run
 * under the case's lock (`changes`, the default here), so two people recording the same step
 * read each other's work; the read passes `changes: false`.
 */
function onChildCase<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: CaseCommand<A, T>,
): Promise<T> {
  return runCaseCommand(database, actor, meta, {
    changes: true,
    ...command,
    run: (ctx) => {
      if (ctx.case.case_type !== "child") throw notAChild();
      return command.run(ctx);
    },
  });
}

/** The track's records, read at once: reports with their protection assessments, decisions, extensions. */
async function trackRows(trx: Trx, caseId: string) {
  const [reports, decisions, extensions, investigationOpened] = await Promise.all([
    trx
      .selectFrom("intake as i")
      .leftJoin("protection_assessment as pa", "pa.intake_id", "i.id")
      .leftJoin("app_user as u", "u.id", "pa.assessed_by")
      .select([
        "i.id",
        "i.received_at",
        "pa.needs_immediate_protection",
        "pa.reasoning",
        "pa.assessed_at",
        "u.display_name",
      ])
      .where("i.case_id", "=", caseId)
      .where("i.kind", "=", "report_of_concern")
      .orderBy("i.received_at")
      .execute(),
    trx
      .selectFrom("preliminary_decision as d")
      .innerJoin("app_user as u", "u.id", "d.decided_by")
      .select(["d.open_investigation", "d.reasoning", "d.decided_at", "u.display_name"])
      .where("d.case_id", "=", caseId)
      .orderBy("d.decided_at", "desc")
      .execute(),
    trx
      .selectFrom("investigation_extension as e")
      .innerJoin("app_user as u", "u.id", "e.decided_by")
      .select(["e.extended_until", "e.reason", "e.decided_at", "u.display_name"])
      .where("e.case_id", "=", caseId)
      .orderBy("e.decided_at")
      .execute(),
    trx
      .selectFrom("case_status_change")
      .select((eb) => eb.fn.max("changed_at").as("at"))
      .where("case_id", "=", caseId)
      .where("to_status", "=", "investigation")
      .executeTakeFirst(),
  ]);
  return { reports, decisions, extensions, investigationOpened };
}

type ReportRow = Awaited<ReturnType<typeof trackRows>>["reports"][number];

/** A report of concern with its protection assessment, due the day it arrived. */
function reportView(r: ReportRow): ChildTrackView["reports"][number] {
  return {
    intakeId: r.id,
    receivedAt: r.received_at.toISOString(),
    protectionAssessmentDue: protectionAssessmentDue(r.received_at).toISOString(),
    protectionAssessment:
      r.reasoning && r.assessed_at
        ? {
            needsImmediateProtection: Boolean(r.needs_immediate_protection),
            reasoning: r.reasoning,
            assessedAt: r.assessed_at.toISOString(),
            assessedBy: r.display_name ?? "",
          }
        : null,
  };
}

async function trackOf(trx: Trx, c: CaseRow): Promise<ChildTrackView> {
  const { reports, decisions, extensions, investigationOpened } = await trackRows(trx, c.id);
  const firstReport = reports[0]?.received_at ?? c.opened_at;
  const decision = decisions[0];
  const openedAt = investigationOpened?.at ? new Date(investigationOpened.at) : null;
  const preliminary = c.status === "preliminary_assessment";
  const investigating = c.status === "investigation" && openedAt !== null;
  const extendedUntil = extensions.map((e) => e.extended_until);
  return {
    reports: reports.map(reportView),
    preliminaryAssessmentDue: preliminary
      ? preliminaryAssessmentDue(firstReport).toISOString()
      : null,
    preliminaryAssessmentLastDay: preliminary ? preliminaryAssessmentLastDay(firstReport) : null,
    preliminaryDecision: decision
      ? {
          openInvestigation: decision.open_investigation,
          reasoning: decision.reasoning,
          decidedAt: decision.decided_at.toISOString(),
          decidedBy: decision.display_name,
        }
      : null,
    investigationDue:
      investigating && openedAt
        ? childInvestigationDue(openedAt, extendedUntil).toISOString()
        : null,
    investigationLastDay:
      investigating && openedAt ? childInvestigationLastDay(openedAt, extendedUntil) : null,
    extensions: extensions.map((e) => ({
      extendedUntil: e.extended_until,
      reason: e.reason,
      decidedAt: e.decided_at.toISOString(),
      decidedBy: e.display_name,
    })),
  };
}

export function readChildTrack(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return onChildCase(database, actor, meta, {
    caseId,
    action: "child.read",
    changes: false,
    run: ({ trx, case: c }) => trackOf(trx, c),
  });
}

export function recordProtectionAssessment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { intakeId: string; needsImmediateProtection: boolean; reasoning: string },
) {
  return onChildCase(database, actor, meta, {
    caseId,
    action: "child.protection_assessment",
    requires: ["change"],
    run: async ({ trx, case: c }) => {
      const report = await trx
        .selectFrom("intake")
        .select("id")
        .where("id", "=", input.intakeId)
        .where("case_id", "=", c.id)
        .where("kind", "=", "report_of_concern")
        .executeTakeFirst();
      if (!report) throw invalid({ intakeId: "Välj en orosanmälan i det här ärendet." });
      const done = await trx
        .selectFrom("protection_assessment")
        .select("id")
        .where("intake_id", "=", input.intakeId)
        .executeTakeFirst();
      if (done) throw new AppError(409, "conflict", "Anmälan har redan en skyddsbedömning.");
      await trx
        .insertInto("protection_assessment")
        .values({
          org_id: actor.orgId,
          case_id: c.id,
          intake_id: input.intakeId,
          needs_immediate_protection: input.needsImmediateProtection,
          reasoning: input.reasoning,
          assessed_by: actor.userId,
        })
        .execute();
      return trackOf(trx, c);
    },
    event: () => ({
      data: { intakeId: input.intakeId, needsImmediateProtection: input.needsImmediateProtection },
    }),
  });
}

/**
 * The protection assessment is the same-day duty the preliminary assessment builds on (SoL
 * 20 kap.): no decision while a report of concern in the case still lacks one.
 */
async function requireProtectionAssessed(trx: Trx, caseId: string) {
  const missing = await trx
    .selectFrom("intake as i")
    .leftJoin("protection_assessment as pa", "pa.intake_id", "i.id")
    .select("i.id")
    .where("i.case_id", "=", caseId)
    .where("i.kind", "=", "report_of_concern")
    .where("pa.id", "is", null)
    .executeTakeFirst();
  if (missing) {
    throw new AppError(
      409,
      "conflict",
      "Gör skyddsbedömningen av varje orosanmälan innan förhandsbedömningen avslutas.",
    );
  }
}

/** Decides the preliminary assessment: the case goes to investigation, or is closed with that reason. */
export function decidePreliminary(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { openInvestigation: boolean; reasoning: string },
) {
  return onChildCase(database, actor, meta, {
    caseId,
    action: "child.preliminary_decision",
    requires: ["change"],
    run: async ({ trx, case: c }) => {
      if (c.status !== "preliminary_assessment") {
        throw new AppError(409, "conflict", "Ärendet är inte i förhandsbedömning.");
      }
      await requireProtectionAssessed(trx, c.id);
      const to = input.openInvestigation ? "investigation" : "closed";
      await trx
        .insertInto("preliminary_decision")
        .values({
          org_id: actor.orgId,
          case_id: c.id,
          open_investigation: input.openInvestigation,
          reasoning: input.reasoning,
          decided_by: actor.userId,
        })
        .execute();
      await changeCaseStatus(trx, actor, c.id, {
        from: "preliminary_assessment",
        to,
        closedReason: "no_investigation_opened",
        comment: input.reasoning,
      });
      return trackOf(trx, { ...c, status: to });
    },
    event: () => ({ data: { openInvestigation: input.openInvestigation } }),
  });
}

/** Extends a child's investigation: the unit manager's decision, with reasons, to a later date. */
export function extendInvestigation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { extendedUntil: string; reason: string },
) {
  return onChildCase(database, actor, meta, {
    caseId,
    action: "child.extension",
    requires: ["change"],
    run: async ({ trx, case: c }) => {
      // Refused inside the command, as before (not a case-role refusal of the runner).
      if (!hasRole(actor, "unit_manager", c.unit_id)) {
        throw new AppError(403, "forbidden", "Förlängning beslutas av enhetschefen.");
      }
      if (c.status !== "investigation")
        throw new AppError(409, "conflict", "Ärendet är inte under utredning.");
      // Beyond the current last day under lag (1930:173): an "extension" to the Sunday before
      // a moved Monday would extend nothing.
      const track = await trackOf(trx, c);
      // Someone already extended it this far (a second manager a moment ago, or this one's
      // double click): the state changed, not the input's form — 409, and nothing recorded.
      const furthest = track.extensions
        .map((e) => e.extendedUntil)
        .sort()
        .at(-1);
      if (furthest && input.extendedUntil <= furthest) {
        throw new AppError(
          409,
          "conflict",
          `Utredningen är redan förlängd till ${furthest}. Ladda om sidan för att se förlängningen.`,
        );
      }
      const current = track.investigationLastDay?.last;
      if (current && input.extendedUntil <= current) {
        throw invalid({ extendedUntil: "Förlängningen måste gå längre än nuvarande sista dag." });
      }
      await trx
        .insertInto("investigation_extension")
        .values({
          org_id: actor.orgId,
          case_id: c.id,
          extended_until: input.extendedUntil,
          reason: input.reason,
          decided_by: actor.userId,
        })
        .execute();
      return trackOf(trx, c);
    },
    event: () => ({ reason: input.reason, data: { extendedUntil: input.extendedUntil } }),
  });
}
