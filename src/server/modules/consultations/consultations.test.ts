import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../../shared/personal-identity-number.ts";
import { withActor } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { consultationBody as consultation } from "../../testing/consult.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { logsConsultationsInSql } from "./policy.ts";

/*
 * The consultation log (issue 17, item 3): advice to professionals, kept by the staff of a
 * resource function or a crisis centre, seen by that unit's staff only, never naming the
 * individual — an identity number is refused, a name must be confirmed.
 */
type Who = "consultant" | "manager" | "therapist" | "caseworker" | "adultConsultant" | "otherOrg";

/** A test number with its right check digit: century + YYMMDDNNN (a day + 60: coordination). */
const withCheck = (century: string, nine: string) => `${century}${nine}${luhnCheckDigit(nine)}`;
const pin = withCheck("20", "100315238");
const coordinationNumber = withCheck("", "100375238");

describe.each(testDatabaseKinds)("the consultation log (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let resource: string;
  let crisis: string;
  let adult: string;
  let s: Record<Who, Session>;
  let ids: Record<Who, string>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    resource = (await buildUnit(owner, orgId, "resource_function")).id;
    crisis = (await buildUnit(owner, orgId, "crisis_centre")).id;
    adult = (await buildUnit(owner, orgId)).id;
    const otherOrg = await buildOrg(owner);
    const otherResource = await buildUnit(owner, otherOrg.id, "resource_function");
    const users = {
      consultant: await buildUser(owner, orgId, [{ unitId: resource, role: "consultant" }]),
      manager: await buildUser(owner, orgId, [{ unitId: resource, role: "unit_manager" }]),
      therapist: await buildUser(owner, orgId, [{ unitId: crisis, role: "therapist" }]),
      caseworker: await buildUser(owner, orgId, [{ unitId: adult, role: "caseworker" }]),
      adultConsultant: await buildUser(owner, orgId, [{ unitId: adult, role: "consultant" }]),
      otherOrg: await buildUser(owner, otherOrg.id, [
        { unitId: otherResource.id, role: "consultant" },
      ]),
    };
    s = {} as Record<Who, Session>;
    ids = {} as Record<Who, string>;
    for (const [who, u] of Object.entries(users) as [Who, { id: string; username: string }][]) {
      s[who] = await login(t.app, u.username);
      ids[who] = u.id;
    }
  });
  afterAll(() => t?.close());

  const call = (who: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const stored = async () =>
    Number(
      (
        await database()
          .owner.selectFrom("consultation")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const events = (action: string, actor: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id", "unit_id", "data"])
      .where("action", "=", action)
      .where("actor_user_id", "=", actor)
      .orderBy("id")
      .execute();

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/consultations", payload: {} });
    expect(res.statusCode).toBe(401);
  });

  it("lets the resource function's consultant log a consultation, audited", async () => {
    const res = await call(s.consultant, "POST", "/api/consultations", consultation(resource));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      unitId: resource,
      askerOrganisationKind: "school",
      municipality: "Trollhättan",
      topics: ["honour_related_violence"],
      followUp: "none",
      version: 1,
    });
    const [event] = await events("consultation.log", ids.consultant);
    expect(event).toMatchObject({
      outcome: "allowed",
      resource_id: res.json().id,
      unit_id: resource,
    });
  });

  it("refuses a personal identity or coordination number in any text, naming the field", async () => {
    const before = await stored();
    const withPin = await call(
      s.consultant,
      "POST",
      "/api/consultations",
      consultation(resource, {
        question: `Gäller eleven ${pin.slice(0, 8)}-${pin.slice(8)}, vad gör vi?`,
      }),
    );
    expect(withPin.statusCode, withPin.body).toBe(400);
    expect(withPin.json().error.fields.question).toMatch(
      /^Frågan får inte innehålla ett personnummer/,
    );
    // A coordination number (day + 60), in the organisation's name, without separator.
    const coordination = await call(
      s.consultant,
      "POST",
      "/api/consultations",
      consultation(resource, { askerOrganisationName: `Skolan ${coordinationNumber}` }),
    );
    expect(coordination.statusCode, coordination.body).toBe(400);
    expect(coordination.json().error.fields.askerOrganisationName).toMatch(
      /^Organisationens namn får inte/,
    );
    // A number that only has the shape (no real date, wrong check digit) is left alone.
    const reference = await call(
      s.consultant,
      "POST",
      "/api/consultations",
      consultation(resource, { question: "Ärende 20261399-1234 hos polisen: hur går vi vidare?" }),
    );
    expect(reference.statusCode, reference.body).toBe(201);
    expect(await stored()).toBe(before + 1);
  });

  it("warns on what looks like a name and saves only when the sender confirms", async () => {
    const before = await stored();
    const body = consultation(resource, {
      question: "Kuratorn undrar om Sara Ahmed i klass 8 behöver skydd.",
      stage: "at_report",
    });
    const warned = await call(s.consultant, "POST", "/api/consultations", body);
    expect(warned.statusCode, warned.body).toBe(422);
    expect(warned.json().error.code).toBe("names_to_confirm");
    expect(warned.json().error.fields.question).toContain("”Sara Ahmed” ser ut som ett namn");
    expect(warned.json().error.fields.askerOrganisationName).toBeUndefined();
    expect(await stored()).toBe(before);
    const confirmed = await call(s.consultant, "POST", "/api/consultations", {
      ...body,
      confirmNames: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const logged = await events("consultation.log", ids.consultant);
    expect(logged.at(-1)?.data).toEqual({
      consultationId: confirmed.json().id,
      namesConfirmed: true,
    });
  });

  it("refuses those who are not staff of an advising unit (403, audited)", async () => {
    for (const [who, unitId] of [
      ["caseworker", resource],
      ["adultConsultant", adult], // a consultant, but the unit does not advise professionals
      ["otherOrg", resource],
      ["therapist", resource], // staff of the crisis centre, not of the resource function
    ] as const) {
      const res = await call(s[who], "POST", "/api/consultations", consultation(unitId));
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
      const refused = await events("consultation.log", ids[who]);
      expect(refused.at(-1)?.outcome, who).toBe("denied");
    }
    const crisisCentre = await call(
      s.therapist,
      "POST",
      "/api/consultations",
      consultation(crisis),
    );
    expect(crisisCentre.statusCode, crisisCentre.body).toBe(201);
  });

  it("shows each unit's log to its own staff only, paged newest first", async () => {
    const mine = await call(s.manager, "GET", `/api/consultations?unitId=${resource}&count=true`);
    expect(mine.statusCode, mine.body).toBe(200);
    const all = mine.json();
    expect(all.total).toBe(3);
    expect(all.items.every((k: { unitId: string }) => k.unitId === resource)).toBe(true);
    expect(all.units).toEqual([expect.objectContaining({ id: resource })]);
    const first = await call(s.consultant, "GET", "/api/consultations?limit=2");
    const second = await call(
      s.consultant,
      "GET",
      `/api/consultations?limit=2&before=${first.json().nextCursor}`,
    );
    const seen = [...first.json().items, ...second.json().items].map((k: { id: string }) => k.id);
    expect(new Set(seen).size).toBe(3);
    expect(second.json().nextCursor).toBeNull();
    const crisisLog = await call(s.therapist, "GET", "/api/consultations");
    expect(crisisLog.json().items.map((k: { unitId: string }) => k.unitId)).toEqual([crisis]);
    for (const who of ["caseworker", "adultConsultant", "otherOrg"] as const) {
      const res = await call(s[who], "GET", `/api/consultations?unitId=${resource}`);
      expect(res.statusCode, who).toBe(403);
      expect((await events("consultation.read", ids[who])).at(-1)?.outcome).toBe("denied");
    }
    const reads = await events("consultation.read", ids.manager);
    expect(reads.at(-1)).toMatchObject({ outcome: "allowed", unit_id: resource });
  });

  it("reads one consultation for its unit's staff; anyone else gets 404, audited", async () => {
    const [one] = (await call(s.consultant, "GET", `/api/consultations?unitId=${resource}`)).json()
      .items;
    expect((await call(s.manager, "GET", `/api/consultations/${one.id}`)).statusCode).toBe(200);
    for (const who of ["therapist", "caseworker", "otherOrg"] as const) {
      const res = await call(s[who], "GET", `/api/consultations/${one.id}`);
      expect(res.statusCode, who).toBe(404);
      expect(res.body).not.toContain(one.question);
      const refused = await events("consultation.read", ids[who]);
      expect(refused.at(-1)).toMatchObject({ outcome: "denied", resource_id: one.id });
    }
  });

  it("records the follow-up later; a stale version answers 409", async () => {
    const created = (
      await call(
        s.consultant,
        "POST",
        "/api/consultations",
        consultation(resource, {
          followUp: "planned",
          followUpOn: "2026-03-24",
        }),
      )
    ).json();
    const { id, unitId: _unit, ...rest } = { ...consultation(resource), id: created.id };
    const done = await call(s.manager, "PUT", `/api/consultations/${id}`, {
      ...rest,
      followUp: "done",
      followUpOn: "2026-03-24",
      followUpNote: "Skolan har gjort en orosanmälan.",
      version: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ followUp: "done", version: 2 });
    const stale = await call(s.consultant, "PUT", `/api/consultations/${id}`, {
      ...rest,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const missingDay = await call(s.consultant, "PUT", `/api/consultations/${id}`, {
      ...rest,
      followUp: "planned",
      version: 2,
    });
    expect(missingDay.statusCode).toBe(400);
    expect(missingDay.json().error.fields.followUpOn).toBe(
      "Ange vilken dag uppföljningen är planerad.",
    );
    const other = await call(s.therapist, "PUT", `/api/consultations/${id}`, {
      ...rest,
      version: 2,
    });
    expect(other.statusCode).toBe(404);
    expect((await events("consultation.update", ids.therapist)).at(-1)?.outcome).toBe("denied");
  });

  it("checks the rule in the database too: row-level security as frid_app", async () => {
    const { db } = database();
    const asUser = (who: Who) => ({ userId: ids[who], orgId });
    const seen = await withActor(db, asUser("caseworker"), (trx) =>
      trx.selectFrom("consultation").select("id").execute(),
    );
    expect(seen).toEqual([]);
    const own = await withActor(db, asUser("consultant"), (trx) =>
      trx.selectFrom("consultation").select("unit_id").execute(),
    );
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((r) => r.unit_id))).toEqual(new Set([resource]));
    expect(
      await withActor(db, asUser("consultant"), (trx) => logsConsultationsInSql(trx, resource)),
    ).toBe(true);
    expect(
      await withActor(db, asUser("adultConsultant"), (trx) => logsConsultationsInSql(trx, adult)),
    ).toBe(false);
    // A direct insert by someone outside the unit is refused by the policy itself.
    await expect(
      withActor(db, asUser("caseworker"), (trx) =>
        sql`insert into consultation (id, org_id, unit_id, occurred_at, asker_organisation_kind,
              municipality, asker_role, topics, stage, minutes, question, follow_up, worker_id, created_by)
            values (gen_random_uuid(), ${orgId}::uuid, ${resource}::uuid, now(), 'school', 'Vänersborg',
              'rektor', '{other}', 'after', 10, 'Fråga', 'none', ${ids.caseworker}::uuid,
              ${ids.caseworker}::uuid)`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
