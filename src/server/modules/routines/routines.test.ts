import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * The routines register (issue 20, item 2): managers and administrators keep it, everyone in
 * the organisation reads it and downloads the documents; every change meets its version (409)
 * and is audited, as is every refusal; a routine near its review date is on its owner's and
 * the managers' Att göra.
 */
const pdf = Buffer.from("%PDF-1.7\n% rutin\n%%EOF\n");
const docx = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from("[Content_Types].xml...word/document.xml..."),
]);
const odt = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from("mimetypeapplication/vnd.oasis.opendocument.text"),
]);

describe.each(testDatabaseKinds)("routines register (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: Record<"manager" | "admin" | "worker" | "otherOrg", Session>;
  let ids: Record<"manager" | "worker" | "board" | "unitHead", string>;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const unitId = (await buildUnit(owner, orgId)).id;
    const manager = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    const worker = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
    const other = await buildOrg(owner);
    const otherUnit = await buildUnit(owner, other.id);
    const otherOrg = await buildUser(owner, other.id, [
      { unitId: otherUnit.id, role: "unit_manager" },
    ]);
    s = {
      manager: await login(t.app, manager.username),
      admin: await login(t.app, admin.username),
      worker: await login(t.app, worker.username),
      otherOrg: await login(t.app, otherOrg.username),
    };
    const approver = async (name: string, management: boolean) => {
      const res = await call(s.admin, "POST", "/api/routine-approvers", { name, management });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids = {
      manager: manager.id,
      worker: worker.id,
      board: await approver("Socialnämnden", true),
      unitHead: await approver("Enhetschef IFO Vuxen", false),
    };
  });
  afterAll(() => t?.close());

  const call = (
    who: Session | null,
    method: "GET" | "POST" | "PUT",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: who ? as(who) : {}, ...(payload ? { payload } : {}) });
  const body = (over: Record<string, unknown> = {}) => ({
    title: `Rutin för skyddade personuppgifter ${Math.random()}`,
    area: "protected_personal_data",
    approverId: ids.board,
    approvedOn: addDays(today, -100),
    reviewOn: addDays(today, 300),
    ownerId: ids.manager,
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await call(s.manager, "POST", "/api/routines", body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const events = (action: string, resourceId: string | null) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome"])
      .where("action", "=", action)
      .where((eb) =>
        resourceId === null ? eb("resource_id", "is", null) : eb("resource_id", "=", resourceId),
      )
      .execute();
  const upload = (who: Session, id: string, bytes: Buffer, version: number, name = "rutin.pdf") =>
    t.app.inject({
      method: "POST",
      url: `/api/routines/${id}/document?filename=${encodeURIComponent(name)}&version=${version}`,
      headers: { ...as(who), "content-type": "application/octet-stream" },
      payload: bytes,
    });

  it("answers 401 without a session and 400 with clear messages for bad input", async () => {
    expect((await call(null, "GET", "/api/routines")).statusCode).toBe(401);
    expect((await call(null, "POST", "/api/routines", body())).statusCode).toBe(401);
    const res = await call(
      s.manager,
      "POST",
      "/api/routines",
      body({ title: " ", area: "cooking", reviewOn: addDays(today, -200) }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      title: "Ange rutinens namn.",
      area: "Välj ett av områdena.",
      reviewOn: "Revideringsdatumet ska ligga efter beslutsdatumet.",
    });
    const approver = await call(s.manager, "POST", "/api/routine-approvers", {
      name: "Socialnämnden",
      management: true,
    });
    expect(approver.statusCode).toBe(400);
    expect(approver.json().error.fields.name).toBe(
      "Det finns redan en beslutsinstans med det namnet.",
    );
  });

  it("lets managers and administrators add routines, refuses others (403 audited), and audits the addition", async () => {
    const refused = await call(s.worker, "POST", "/api/routines", body());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "Bara enhetschefer och administratörer kan ändra i rutinregistret.",
    );
    expect(await events("routine.create", null)).toEqual([{ outcome: "denied" }]);
    const stranger = await call(s.manager, "POST", "/api/routines", body({ ownerId: ids.board }));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields.ownerId).toBe(
      "Välj rutinens ägare bland organisationens medarbetare.",
    );
    const byAdmin = await call(s.admin, "POST", "/api/routines", body({ ownerId: ids.worker }));
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json()).toMatchObject({ status: "current", reviewSoon: false, version: 1 });
    expect(await events("routine.create", byAdmin.json().id)).toEqual([{ outcome: "allowed" }]);
  });

  it("shows the register to everyone in the organisation, another organisation's routine answers 404 (audited)", async () => {
    const r = await create({ approverId: ids.unitHead });
    const register = await call(s.worker, "GET", "/api/routines");
    expect(register.statusCode).toBe(200);
    expect(register.json().abilities).toEqual({ keep: false });
    const seen = register.json().routines.find((x: { id: string }) => x.id === r.id);
    expect(seen).toMatchObject({ status: "not_approved_by_management", supersededById: null });
    expect(register.json().areas).toHaveLength(12);
    const mine = (await call(s.manager, "GET", "/api/routines")).json();
    expect(mine.abilities).toEqual({ keep: true });
    const theirs = await call(s.otherOrg, "GET", "/api/routines");
    expect(theirs.json().routines.map((x: { id: string }) => x.id)).not.toContain(r.id);
    const change = await call(s.otherOrg, "PUT", `/api/routines/${r.id}`, {
      ...body(),
      version: 1,
    });
    expect(change.statusCode).toBe(404);
    expect(await events("routine.update", r.id)).toEqual([{ outcome: "denied" }]);
    expect(
      (await call(s.worker, "PUT", `/api/routines/${r.id}`, { ...body(), version: 1 })).statusCode,
    ).toBe(403);
  });

  it("corrects a routine on its version: the second of two changes answers 409", async () => {
    const r = await create();
    const [x, y] = await Promise.all([
      call(s.manager, "PUT", `/api/routines/${r.id}`, { ...body({ title: "A" }), version: 1 }),
      call(s.admin, "PUT", `/api/routines/${r.id}`, { ...body({ title: "B" }), version: 1 }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
  });

  it("revises a routine into a new version that supersedes it, keeping the old one", async () => {
    const old = await create({
      area: "competence_plan",
      approvedOn: addDays(today, -800),
      reviewOn: addDays(today, -10),
    });
    expect(old.status).toBe("stale");
    const res = await call(s.manager, "POST", `/api/routines/${old.id}/revisions`, {
      ...body({ area: "competence_plan", title: "Kompetensplan 2026" }),
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json();
    expect(fresh).toMatchObject({ supersedesId: old.id, status: "current" });
    const register = (await call(s.worker, "GET", "/api/routines")).json();
    const before = register.routines.find((x: { id: string }) => x.id === old.id);
    expect(before).toMatchObject({ status: "superseded", supersededById: fresh.id, version: 2 });
    const again = await call(s.manager, "POST", `/api/routines/${old.id}/revisions`, {
      ...body({ area: "competence_plan" }),
      version: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(await events("routine.revise", old.id)).toEqual([{ outcome: "allowed" }]);
  });

  it("takes a PDF, DOCX or ODT by its first bytes, refuses anything else, and lets staff download it (audited)", async () => {
    const r = await create();
    const bad = await upload(s.manager, r.id, Buffer.from("<html>"), 1, "rutin.pdf");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.file).toBe(
      "Dokumentet måste vara en PDF, en Word-fil (DOCX) eller en ODT-fil.",
    );
    expect((await upload(s.worker, r.id, pdf, 1)).statusCode).toBe(403);
    const saved = await upload(s.manager, r.id, pdf, 1, "Skyddade uppgifter.docx");
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      document: { filename: "Skyddade uppgifter.pdf", mediaType: "application/pdf" },
    });
    expect((await upload(s.manager, r.id, pdf, 1)).statusCode).toBe(409);
    const asWord = await upload(s.manager, r.id, docx, 2, "rutin");
    expect(asWord.json().document.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const asOdt = await upload(s.manager, r.id, odt, 3, "rutin.odt");
    expect(asOdt.json().document).toMatchObject({
      filename: "rutin.odt",
      mediaType: "application/vnd.oasis.opendocument.text",
    });
    const down = await call(s.worker, "GET", `/api/routines/${r.id}/document`);
    expect(down.statusCode).toBe(200);
    expect(down.headers["content-type"]).toBe("application/vnd.oasis.opendocument.text");
    expect(Buffer.compare(down.rawPayload, odt)).toBe(0);
    expect(await events("routine.document_read", r.id)).toEqual([{ outcome: "allowed" }]);
    expect((await call(s.otherOrg, "GET", `/api/routines/${r.id}/document`)).statusCode).toBe(404);
    expect(await events("routine.document_read", r.id)).toHaveLength(2);
  });

  it("puts a routine near its review date on the owner's and the managers' Att göra, not a worker's", async () => {
    const soon = await create({ reviewOn: addDays(today, 30), ownerId: ids.worker });
    const later = await create({ reviewOn: addDays(today, 90) });
    const lines = async (who: Session, scope: "mine" | "unit") =>
      (
        (await call(who, "GET", `/api/worklist?scope=${scope}`)).json().items as {
          kind: string;
          subject: { id: string; type: string } | null;
          status: string;
        }[]
      ).filter((i) => i.kind === "routine_review");
    const owner = await lines(s.worker, "mine");
    expect(owner.map((l) => l.subject?.id)).toContain(soon.id);
    expect(owner.find((l) => l.subject?.id === soon.id)).toMatchObject({
      status: "overdue",
      subject: { type: "routine" },
    });
    const managers = (await lines(s.manager, "unit")).map((l) => l.subject?.id);
    expect(managers).toContain(soon.id);
    expect(managers).not.toContain(later.id);
    expect((await lines(s.worker, "unit")).map((l) => l.subject?.id)).not.toContain(soon.id);
    const register = (await call(s.worker, "GET", "/api/routines")).json();
    expect(register.routines.find((x: { id: string }) => x.id === soon.id).reviewSoon).toBe(true);
  });

  it("answers Öppna jämförelser on the day asked, with the routine behind each yes", async () => {
    const r = await create({ area: "detect_violence_elderly_care", title: "Våld i äldreomsorgen" });
    const on = (day: string) => call(s.worker, "GET", `/api/routines?onDate=${day}`);
    const now = (await on(today)).json();
    expect(
      now.answers.find((a: { area: string }) => a.area === "detect_violence_elderly_care"),
    ).toEqual({
      area: "detect_violence_elderly_care",
      question: "Finns aktuell ledningsprövad rutin för att upptäcka våld inom äldreomsorgen?",
      answer: "yes",
      routines: [{ id: r.id, title: "Våld i äldreomsorgen", reviewOn: addDays(today, 300) }],
      missing: [],
    });
    const earlier = (await on(addDays(today, -200))).json();
    expect(
      earlier.answers.find((a: { area: string }) => a.area === "detect_violence_elderly_care"),
    ).toMatchObject({
      answer: "no",
      missing: [`Rutinen ”Våld i äldreomsorgen” fastställs först ${addDays(today, -100)}.`],
    });
    expect((await on("2026-13-01")).statusCode).toBe(400);
  });
});
