import { pageFrom, pageSize } from "../../../shared/api/paging.ts";
import type {
  SafetyMeasure,
  SafetyPlanHistory,
  SafetyPlanVersion,
} from "../../../shared/api/safety-plans.ts";
import { shownReference } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { renderSafetyPlan } from "../../output/safety-plan-pdf.ts";

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
    .select(["version", "measures", "saved_at", "saved_by"])
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

/** The newest version, or the one asked for, with its measures. */
async function oneVersion(
  trx: Trx,
  caseId: string,
  version?: number,
): Promise<SafetyPlanVersion | null> {
  const r = await versionRows(trx, caseId, 1, { exactly: version })
    .select(["v.version", "v.measures", "v.saved_at", "u.display_name"])
    .executeTakeFirst();
  if (!r) return null;
  return {
    version: r.version,
    measures: r.measures as SafetyMeasure[],
    savedAt: r.saved_at.toISOString(),
    savedBy: r.display_name,
  };
}

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

async function planView(trx: Trx, caseId: string) {
  return { current: await oneVersion(trx, caseId), history: await historyPage(trx, caseId) };
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
    run: async ({ trx }) => {
      if (version === undefined) return planView(trx, caseId);
      const one = await oneVersion(trx, caseId, version);
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
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "safety_plan.save",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att ändra planen.",
    run: async ({ trx }) => {
      const latest = (await oneVersion(trx, caseId))?.version ?? null;
      if (input.basedOnVersion !== latest) throw savedMeanwhile();
      const version = (latest ?? 0) + 1;
      // Two saves from the same base at once: the unique (case, version) key lets one in; the
      // other is told, as if it had come a moment later.
      const inserted = await trx
        .insertInto("safety_plan_version")
        .values({
          org_id: actor.orgId,
          case_id: caseId,
          version,
          measures: JSON.stringify(input.measures),
          saved_by: actor.userId,
        })
        .onConflict((oc) => oc.columns(["case_id", "version"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) throw savedMeanwhile();
      return { version, view: await planView(trx, caseId) };
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
    run: async ({ trx }) => {
      const plan = await oneVersion(trx, caseId);
      if (!plan) throw new AppError(404, "not_found", "Ärendet har ingen säkerhetsplan ännu.");
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
