import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { StartStayBody, StayView } from "../../../shared/api/stays.ts";
import { housingKinds } from "../../../shared/api/stays.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { refuseBoysOverAge } from "./boys-age.ts";
import { invalid, openSegment, takeRoom } from "./capacity.ts";
import { staysOf } from "./queries.ts";

type StartInput = Required<StartStayBody>;

const closedMessage = "Ärendet är avslutat. Öppna det igen för att ordna boende.";

/**
 * Starts a stay from a granted (or partly granted) housing decision of the adult's case: the
 * adult and the children who come along, the first segment at the chosen place with the
 * place's prices of today, and — when a hold is named — the hold ended as having become this
 * stay, all in one transaction. Each child in sheltered housing must have a decision of its
 * own (since 2024; consent of both custodians or lag (2024:79)), which the server finds.
 */
export function startStay(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: StartInput,
): Promise<StayView> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "stay.start",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx, case: c }) => {
      if (c.case_type !== "adult_victim")
        throw invalid({ decisionId: "Vistelser ordnas i ett ärende för en vuxen som utsatts." });
      const decision = await housingDecision(trx, caseId, input.decisionId);
      const plannedTo = input.plannedTo ?? decision.period_to;
      checkPeriod(decision, input.plannedFrom, plannedTo);
      await refuseSecondStay(trx, caseId);
      const children = await childrenOf(trx, caseId, c.person_id, input.children);
      const childDecisions =
        decision.intervention_kind === "sheltered_housing"
          ? await ownDecisions(trx, caseId, children, input.plannedFrom)
          : new Map<string, string>();
      await refuseBoysOverAge(trx, actor, {
        placeId: input.placeId,
        day: input.plannedFrom,
        children,
        fieldOf: (i) => `children.${i}`,
      });
      await checkHold(trx, caseId, input.holdId, input.placeId);
      const terms = await takeRoom(trx, {
        placeId: input.placeId,
        day: input.plannedFrom,
        persons: 1 + children.length,
        decisionKind: decision.intervention_kind,
        withChildren: children.length > 0,
        becomingHoldId: input.holdId,
      });
      const stayId = randomUUID();
      await trx
        .insertInto("stay")
        .values({
          id: stayId,
          org_id: actor.orgId,
          case_id: caseId,
          decision_id: decision.id,
          planned_from: input.plannedFrom,
          planned_to: plannedTo,
          created_by: actor.userId,
        })
        .execute();
      await trx
        .insertInto("stay_member")
        .values([
          { stay_id: stayId, person_id: c.person_id, org_id: actor.orgId, role: "adult" },
          ...children.map((k) => ({
            stay_id: stayId,
            person_id: k.id,
            org_id: actor.orgId,
            role: "child" as const,
            child_decision_id: childDecisions.get(k.id) ?? null,
          })),
        ])
        .execute();
      await openSegment(
        trx,
        { orgId: actor.orgId, stayId, placeId: input.placeId, fromOn: input.plannedFrom },
        terms,
      );
      if (input.holdId)
        await trx
          .updateTable("place_hold")
          .set({ ended_at: new Date(), ended_reason: "stay" })
          .where("id", "=", input.holdId)
          .execute();
      const [stay] = await staysOf(trx, database.cipher, { stayIds: [stayId] });
      return stay!;
    },
    event: (stay) => ({
      data: { stayId: stay.id, placeId: input.placeId, children: input.children.length },
    }),
  });
}

async function housingDecision(trx: Trx, caseId: string, decisionId: string) {
  const d = await trx
    .selectFrom("decision")
    .select(["id", "intervention_kind", "outcome", "period_from", "period_to"])
    .where("id", "=", decisionId)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!d) throw invalid({ decisionId: "Välj ett beslut i det här ärendet." });
  if (d.outcome === "denied")
    throw invalid({
      decisionId: "Beslutet är ett avslag. En vistelse kräver ett beviljat beslut.",
    });
  if (!(housingKinds as readonly string[]).includes(d.intervention_kind))
    throw invalid({
      decisionId:
        "En vistelse utgår från ett beslut om skyddat boende, akutlägenhet eller annat boende.",
    });
  return d;
}

export function checkPeriod(
  d: { period_from: string | null; period_to: string | null },
  from: string,
  to: string | null,
) {
  if (d.period_from && from < d.period_from)
    throw invalid({ plannedFrom: `Beslutet gäller från ${d.period_from}.` });
  if (d.period_to && from > d.period_to)
    throw invalid({ plannedFrom: `Beslutet gäller till ${d.period_to}.` });
  if (to && to < from) throw invalid({ plannedTo: "Slutdatum kan inte ligga före startdatum." });
  if (d.period_to && to && to > d.period_to)
    throw invalid({
      plannedTo: `Beslutet gäller till ${d.period_to}. Ett längre boende kräver ett nytt beslut.`,
    });
}

/** One stay at a time per case: a change of place is a move, not a second stay. */
async function refuseSecondStay(trx: Trx, caseId: string) {
  const open = await trx
    .selectFrom("stay")
    .select("id")
    .where("case_id", "=", caseId)
    .where("left_on", "is", null)
    .where("cancelled_at", "is", null)
    .executeTakeFirst();
  if (open)
    throw new AppError(
      409,
      "conflict",
      "Ärendet har redan en planerad eller pågående vistelse. Byt boende med en flytt i den.",
    );
}

/** The children named, each a child of the case's person recorded in this case. */
async function childrenOf(trx: Trx, caseId: string, personId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom("relation as r")
    .innerJoin("person as p", "p.id", "r.other_person_id")
    .select((eb) => [
      "p.id",
      eb.fn.coalesce("r.given_name", "p.given_name").as("given_name"),
      eb.fn.coalesce("r.family_name", "p.family_name").as("family_name"),
    ])
    .where("r.case_id", "=", caseId)
    .where("r.person_id", "=", personId)
    .where("r.kind", "=", "child")
    .where("r.other_person_id", "in", ids)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalid({
      [`children.${missing}`]: "Bara personens barn, registrerade i ärendet, kan följa med.",
    });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** Each child's own sheltered-housing decision in force on the first day, or a 400 naming the child. */
async function ownDecisions(
  trx: Trx,
  caseId: string,
  children: { id: string; given_name: string; family_name: string }[],
  on: string,
) {
  const found = new Map<string, string>();
  for (const [i, k] of children.entries()) {
    const { rows } = await sql<{
      id: string | null;
    }>`select frid_child_housing_decision(${caseId}::uuid, ${k.id}::uuid, ${on}::date) as id`.execute(
      trx,
    );
    const id = rows[0]?.id;
    if (!id)
      throw invalid({
        [`children.${i}`]: `${k.given_name} ${k.family_name} har inget eget beviljat beslut om skyddat boende som gäller ${on} (med vårdnadshavarnas samtycke eller enligt lag (2024:79)). Barnet behöver ett eget beslut innan det kan följa med.`,
      });
    found.set(k.id, id);
  }
  return found;
}

async function checkHold(trx: Trx, caseId: string, holdId: string | null, placeId: string) {
  if (!holdId) return;
  const hold = await trx
    .selectFrom("place_hold")
    .select(["place_id", "ended_at", "expires_at"])
    .where("id", "=", holdId)
    .where("case_id", "=", caseId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!hold) throw invalid({ holdId: "Välj en hållning av plats i det här ärendet." });
  if (hold.place_id !== placeId)
    throw invalid({ holdId: "Hållningen gäller ett annat boende än det valda." });
  if (hold.ended_at || hold.expires_at <= new Date())
    throw new AppError(
      409,
      "conflict",
      "Platsen hålls inte längre (hållningen har gått ut eller släppts). Välj boende igen.",
    );
}
