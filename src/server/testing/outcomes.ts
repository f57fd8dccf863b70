import type { Kysely } from "kysely";
import type { CaseOutcomeBody } from "../../shared/api/outcomes.ts";
import { outcomeMeasures } from "../../shared/instruments/builtin/outcome-measures.ts";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { as, buildPerson, type Session } from "./factories.ts";

/**
 * The outcome tests' steps (modules/outcomes), each through the API as a worker takes it:
 * open a case, move it, close it with (or without) an outcome, take an outcome measure.
 */
export function outcomeSteps(app: App, owner: Kysely<Database>, orgId: string) {
  const send = async (s: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  const ok = async (s: Session, method: "POST" | "PUT", url: string, payload: object) => {
    const res = await send(s, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  return {
    send,
    /** A new person of the worker's and her case, opened through the API (status intake). */
    openCase: async (
      s: Session,
      workerId: string,
      unitId: string,
      caseType: "adult_victim" | "perpetrator" = "adult_victim",
    ) => {
      const person = await buildPerson(owner, orgId, workerId);
      const c = await ok(s, "POST", "/api/cases", { personId: person.id, unitId, caseType });
      return { personId: person.id, caseId: c.id as string };
    },
    move: (s: Session, caseId: string, to: string, comment: string | null = null) =>
      ok(s, "POST", `/api/cases/${caseId}/status`, { to, comment }),
    close: (s: Session, caseId: string, outcome: Partial<CaseOutcomeBody> | null) =>
      send(s, "POST", `/api/cases/${caseId}/status`, {
        to: "closed",
        reason: "goal_reached",
        outcome,
      }),
    /** A completed outcome measure with every statement answered `step`, on `assessedOn`. */
    measure: async (
      s: Session,
      caseId: string,
      instrumentId: string,
      step: number,
      assessedOn: string,
    ) => {
      const started = await ok(s, "POST", `/api/cases/${caseId}/assessments`, { instrumentId });
      const url = `/api/cases/${caseId}/assessments/${started.id}`;
      const definition = outcomeMeasures.find((m) => m.id === instrumentId);
      const ids = (definition?.sections ?? []).flatMap((sec) => sec.items.map((i) => i.id));
      await ok(s, "PUT", url, {
        answers: Object.fromEntries(ids.map((id) => [id, step])),
        assessedOn,
      });
      return ok(s, "POST", `${url}/complete`, { judgements: { change: "unchanged" } });
    },
  };
}
