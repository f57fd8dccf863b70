import type { SafetyMeasure, SafetyPlanVersion } from "../../../shared/api/safety-plans.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { auditCase } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { renderSafetyPlan } from "../../output/safety-plan-pdf.ts";
import { withCaseForChange, withVisibleCase } from "../cases/service.ts";

/**
 * The case's safety plan: every save is a new version made from the one the worker saw
 * (a stale base answers 409, so nobody's change is silently lost); all versions are kept.
 */
async function versions(trx: Trx, caseId: string) {
  const rows = await trx
    .selectFrom("safety_plan_version as v")
    .innerJoin("app_user as u", "u.id", "v.saved_by")
    .select(["v.version", "v.measures", "v.saved_at", "u.display_name"])
    .where("v.case_id", "=", caseId)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map(
    (r): SafetyPlanVersion => ({
      version: r.version,
      measures: r.measures as SafetyMeasure[],
      savedAt: r.saved_at.toISOString(),
      savedBy: r.display_name,
    }),
  );
}

function planView(all: SafetyPlanVersion[]) {
  return {
    current: all[0] ?? null,
    history: all.map(({ version, savedAt, savedBy }) => ({ version, savedAt, savedBy })),
  };
}

export function readSafetyPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  version?: number,
) {
  return withVisibleCase(database, actor, meta, caseId, "safety_plan.read", async (trx, c) => {
    const all = await versions(trx, caseId);
    await auditCase(trx, actor, meta, c, "safety_plan.read");
    if (version === undefined) return planView(all);
    const one = all.find((v) => v.version === version);
    if (!one) throw new AppError(404, "not_found", "Den versionen av säkerhetsplanen finns inte.");
    return { current: one, history: planView(all).history };
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
  return withCaseForChange(database, actor, meta, caseId, "safety_plan.save", async (trx, c) => {
    if (c.status === "closed")
      throw new AppError(
        409,
        "conflict",
        "Ärendet är avslutat. Öppna det igen för att ändra planen.",
      );
    const latest = (await versions(trx, caseId))[0]?.version ?? null;
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
    await auditCase(trx, actor, meta, c, "safety_plan.save", { version });
    return planView(await versions(trx, caseId));
  });
}

export function printSafetyPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return withVisibleCase(database, actor, meta, caseId, "safety_plan.print", async (trx, c) => {
    const [plan] = await versions(trx, caseId);
    if (!plan) throw new AppError(404, "not_found", "Ärendet har ingen säkerhetsplan ännu.");
    const head = await trx
      .selectFrom("case as k")
      .innerJoin("unit as un", "un.id", "k.unit_id")
      .innerJoin("organisation as o", "o.id", "k.org_id")
      .innerJoin("person as p", "p.id", "k.person_id")
      .select(["k.reference", "un.name as unit", "o.name as org", "p.given_name", "p.family_name"])
      .where("k.id", "=", caseId)
      .executeTakeFirstOrThrow();
    const pdf = await renderSafetyPlan({
      organisation: head.org,
      unit: head.unit,
      reference: head.reference,
      personName: `${head.given_name} ${head.family_name}`,
      plan,
    });
    await auditCase(trx, actor, meta, c, "safety_plan.print", { version: plan.version });
    return { pdf, reference: head.reference };
  });
}
