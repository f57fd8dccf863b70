import { describe, expect, it } from "vitest";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { withActor } from "../../access/transaction.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { parseSafeContact } from "../sealed-columns.ts";
import { seedDemo } from "./demo.ts";
import { demoCases, demoPersons, demoUnits, demoUsers } from "./demo-data.ts";

describe("demo data", () => {
  it("uses only valid identity numbers, with the sex the number says", () => {
    for (const p of demoPersons) {
      const parsed = parseIdentityNumber(p.identityNumber);
      expect(parsed.ok, p.identityNumber).toBe(true);
      // The ninth digit is odd for men and even for women.
      expect(Number(p.identityNumber[10]) % 2 === 1 ? "male" : "female").toBe(p.sex);
    }
  });

  it("has the demo logins the README lists", () => {
    expect(demoUsers.map((u) => u.username)).toEqual([
      "handlaggare1",
      "handlaggare2",
      "barnhandlaggare",
      "behandlare1",
      "behandlare2",
      "enhetschef",
      "barnchef",
      "krischef",
      "admin",
      "analytiker",
      "boendesamordnare",
      "boendepersonal",
      "resursperson",
      "resurschef",
      "skyddshandlaggare",
    ]);
  });
});

describe.each(testDatabaseKinds)("seedDemo (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("seeds Demokommun once, even when two starts race", async () => {
    const { owner: db } = database();
    const results = await Promise.all([seedDemo(db), seedDemo(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemo(db)).toBe(false);

    const orgs = await db.selectFrom("organisation").select(["id", "name"]).execute();
    expect(orgs.map((o) => o.name)).toEqual(["Demokommun"]);
    const units = await db.selectFrom("unit").select("name").orderBy("name").execute();
    expect(units.map((u) => u.name)).toEqual(demoUnits.map((u) => u.name).sort());
    const users = await db.selectFrom("app_user").select("username").execute();
    expect(users).toHaveLength(demoUsers.length);
    const persons = await db
      .selectFrom("person")
      .select(["identity_number", "birth_date", "identity_kind"])
      .execute();
    expect(persons).toHaveLength(demoPersons.length);
    expect(persons).toContainEqual({
      identity_number: "198201749879",
      birth_date: "1982-01-14",
      identity_kind: "coordination_number",
    });
  });

  it("puts the demo cases at different stages, with a report still waiting for its protection assessment", async () => {
    const { owner } = database();
    const statuses = await owner.selectFrom("case").select("status").orderBy("reference").execute();
    expect(statuses.map((s) => s.status)).toEqual([
      "investigation",
      "implementation",
      "implementation", // Johan Lind's treatment
      "intake", // Sara Berg's partner contact
      "preliminary_assessment",
      "preliminary_assessment",
    ]);
    const reports = await owner
      .selectFrom("intake")
      .select("id")
      .where("kind", "=", "report_of_concern")
      .execute();
    const assessed = await owner.selectFrom("protection_assessment").select("intake_id").execute();
    expect(reports).toHaveLength(2);
    expect(assessed).toHaveLength(1);
  });

  it("gives the demo users cases, with the crisis centre's two sides behind a barrier", async () => {
    const { owner, db } = database();
    expect(await owner.selectFrom("case").select("id").execute()).toHaveLength(demoCases.length);
    const org = await owner.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
    const visibleTo = async (username: string) => {
      const user = await owner
        .selectFrom("app_user")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow();
      return withActor(db, { userId: user.id, orgId: org.id }, (trx) =>
        trx.selectFrom("case").select("case_type").execute(),
      );
    };
    expect(await visibleTo("behandlare1")).toEqual([{ case_type: "perpetrator" }]);
    // Eva Lund also works Maja's case for the children's crisis centre (demo-child-work.ts).
    expect(await visibleTo("behandlare2")).toEqual(
      expect.arrayContaining([{ case_type: "partner_contact" }, { case_type: "child" }]),
    );
    expect(await visibleTo("behandlare2")).toHaveLength(2);
    expect(await visibleTo("barnhandlaggare")).toEqual([
      { case_type: "child" },
      { case_type: "child" },
    ]);
    expect(await visibleTo("enhetschef")).toHaveLength(2);
    expect(await visibleTo("barnchef")).toHaveLength(2);
    // The crisis centre's manager sees both sides; nobody else does.
    expect(await visibleTo("krischef")).toHaveLength(2);
  });

  it("shows partner contact under way: a treatment with a no-show her worker has yet to acknowledge", async () => {
    const { owner } = database();
    const treatment = await owner
      .selectFrom("treatment")
      .select(["phase", "referral_source"])
      .executeTakeFirstOrThrow();
    expect(treatment).toEqual({ phase: "treatment", referral_source: "social_services" });
    const consent = await owner
      .selectFrom("consent")
      .select(["form", "revoked_on"])
      .where("scope", "=", "partner_contact")
      .execute();
    expect(consent).toEqual([{ form: "written", revoked_on: null }]);
    const waiting = await owner
      .selectFrom("barrier_event")
      .select("kind")
      .where("acknowledged_at", "is", null)
      .execute();
    expect(waiting).toEqual([{ kind: "absence" }]);
  });

  it("shows work in progress: an open task about children, decisions, a plan whose follow-up is due this week", async () => {
    const { owner } = database();
    const tasks = await owner.selectFrom("case_task").select(["done_at"]).execute();
    expect(tasks.filter((t) => t.done_at === null)).toHaveLength(1);
    // Sara Berg's decisions; her children's own decisions on sheltered housing are in theirs.
    const decisions = await owner
      .selectFrom("decision as d")
      .innerJoin("case as c", "c.id", "d.case_id")
      .select(["d.outcome", "d.appeal_info"])
      .where("c.case_type", "=", "adult_victim")
      .execute();
    expect(decisions.map((d) => d.outcome).sort()).toEqual(["denied", "granted"]);
    expect(decisions.find((d) => d.outcome === "denied")?.appeal_info).toContain(
      "förvaltningsrätten",
    );
    const [plan] = await owner.selectFrom("implementation_plan").select("follow_up_date").execute();
    const inDays = (Date.parse(String(plan?.follow_up_date)) - Date.now()) / 86_400_000;
    expect(inDays).toBeGreaterThan(0);
    expect(inDays).toBeLessThan(7);
    const sara = await owner
      .selectFrom("person")
      .select("safe_contact")
      .where("identity_number", "=", "198807049849")
      .executeTakeFirstOrThrow();
    expect(parseSafeContact(sara.safe_contact)).toMatchObject({
      maySendLetters: false,
      codeWord: "Vitsippa",
    });
  });

  it("shows Maja's work at the children's crisis centre to Eva Lund: Trappan, a police report, a consultation", async () => {
    const { owner, db } = database();
    const org = await owner.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
    const eva = await owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "behandlare2")
      .executeTakeFirstOrThrow();
    const seen = await withActor(db, { userId: eva.id, orgId: org.id }, async (trx) => ({
      talks: (await trx.selectFrom("crisis_talk").select("number").orderBy("number").execute()).map(
        (t) => t.number,
      ),
      reports: (await trx.selectFrom("child_police_report").select("id").execute()).length,
      consultations: (await trx.selectFrom("child_consultation").select("basis").execute()).map(
        (c) => c.basis,
      ),
    }));
    expect(seen).toEqual({ talks: [1, 2, 3], reports: 1, consultations: ["anonymised"] });
  });
});
