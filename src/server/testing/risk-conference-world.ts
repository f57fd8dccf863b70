import { afterAll, beforeAll } from "vitest";
import { buildTestApp, type TestApp } from "./app.ts";
import type { TestDatabase } from "./databases.ts";
import { as, buildCase, buildPerson, buildWorkedCase, type Session } from "./factories.ts";
import { buildEscalation } from "./risk-conferences.ts";

export type ConferenceWorker = Awaited<ReturnType<typeof buildWorkedCase>>;

/**
 * The risk conference tests' shared ground (issue 18, item 8), one per test file: an app and
 * a worker with a case, a request as that worker (or another session), a new case of the
 * worker's about a new person, and a conference referred on a new escalated case.
 */
export function useConferenceWorld(database: () => TestDatabase, today: string) {
  let t: TestApp | undefined;
  let w: ConferenceWorker | undefined;
  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
  });
  afterAll(() => t?.close());
  const app = () => {
    if (!t) throw new Error("the conference world is built in beforeAll");
    return t.app;
  };
  const worker = () => {
    if (!w) throw new Error("the conference world is built in beforeAll");
    return w;
  };

  const req = (
    method: "GET" | "POST" | "PATCH" | "PUT",
    url: string,
    payload?: object,
    s?: Session,
  ) =>
    app().inject({
      method,
      url,
      headers: as(s ?? worker().session),
      ...(payload ? { payload } : {}),
    });

  /** A new case of the same worker, about a new person. */
  async function newCase() {
    const { orgId, unitId, userId } = worker();
    const person = await buildPerson(database().owner, orgId, userId);
    const c = await buildCase(database().owner, {
      orgId,
      unitId,
      personId: person.id,
      openedBy: userId,
    });
    return { caseId: c.id, personId: person.id };
  }

  /** A referred conference on a new escalated case. */
  async function conference() {
    const { caseId, personId } = await newCase();
    await buildEscalation(database().owner, {
      orgId: worker().orgId,
      caseId,
      recordedBy: worker().userId,
      today,
    });
    const res = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      secrecyRule: "serious_crime",
    });
    return { caseId, personId, id: res.json().id as string };
  }

  return { app, worker, req, newCase, conference };
}
