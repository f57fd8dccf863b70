import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { routineAreas } from "../../../shared/api/routines.ts";
import { withActor, withReporting } from "../../access/transaction.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUnit, buildUser } from "../../testing/factories.ts";
import { agreementFigures } from "../statistics/agreements.ts";
import { openComparisonsAnswers } from "./open-comparisons.ts";

/*
 * Öppna jämförelser's routine questions answered from the register: a routine counts when it
 * is approved by management, approved on or before the day, not past its review date and not
 * superseded by a version approved by then; the agreements question also needs every
 * agreement in force followed up within 24 months.
 */
describe.each(testDatabaseKinds)("Öppna jämförelser answers (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const onDate = "2026-06-30";
  let orgId: string;
  let unitId: string;
  let userId: string;
  let board: string;
  let unitHead: string;
  const id: Record<string, string> = {};
  const idOf = (key: string) => {
    const found = id[key];
    if (!found) throw new Error(`no row named ${key}`);
    return found;
  };

  const routine = async (
    key: string,
    over: {
      area: string;
      approver: string;
      approvedOn: string;
      reviewOn: string;
      org?: string;
      supersedes?: string;
    },
  ) => {
    id[key] = randomUUID();
    await database()
      .owner.insertInto("routine")
      .values({
        id: id[key],
        org_id: over.org ?? orgId,
        area: over.area as (typeof routineAreas)[number],
        title: key,
        approver_id: over.approver,
        approved_on: over.approvedOn,
        review_on: over.reviewOn,
        owner_id: userId,
        supersedes_id: over.supersedes ?? null,
        created_by: userId,
      })
      .execute();
  };
  const agreement = async (title: string, signedOn: string, endedOn: string | null = null) => {
    id[title] = randomUUID();
    await database()
      .owner.insertInto("agreement")
      .values({
        id: id[title],
        org_id: orgId,
        unit_id: unitId,
        title,
        areas: ["other"],
        goals: "Samverkan.",
        signed_on: signedOn,
        next_follow_up_on: signedOn.replace(/^(\d{4})/, (y) => String(Number(y) + 2)),
        ended_on: endedOn,
        created_by: userId,
      })
      .execute();
  };
  const approver = async (org: string, name: string, management: boolean) => {
    const approverId = randomUUID();
    await database()
      .owner.insertInto("routine_approver")
      .values({ id: approverId, org_id: org, name, management, created_by: userId })
      .execute();
    return approverId;
  };
  const answers = () =>
    withActor(database().db, { userId, orgId }, (trx) =>
      openComparisonsAnswers(trx, orgId, onDate),
    );

  beforeAll(async () => {
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId)).id;
    userId = (await buildUser(owner, orgId, [{ unitId, role: "caseworker" }])).id;
    board = await approver(orgId, "Socialnämnden", true);
    unitHead = await approver(orgId, "Enhetschef IFO Vuxen", false);
    const other = (await buildOrg(owner)).id;
    const otherBoard = await approver(other, "Socialnämnden", true);
    await routine("Annan kommuns rutin", {
      area: "detect_violence_children",
      approver: otherBoard,
      approvedOn: "2025-01-01",
      reviewOn: "2027-01-01",
      org: other,
    });
    const current = { approver: board, approvedOn: "2025-01-10", reviewOn: "2027-01-10" };
    await routine("Våld vuxna", { ...current, area: "detect_violence_adults" });
    await routine("Skyddade uppgifter", {
      ...current,
      area: "protected_personal_data",
      approver: unitHead,
    });
    await routine("Kompetensplan", {
      area: "competence_plan",
      approver: board,
      approvedOn: "2024-01-01",
      reviewOn: "2026-01-01",
    });
    await routine("Stödsamtal 2023", {
      area: "support_talks_perpetrators",
      approver: board,
      approvedOn: "2023-01-01",
      reviewOn: "2025-06-01",
    });
    await routine("Stödsamtal 2026", {
      area: "support_talks_perpetrators",
      approver: board,
      approvedOn: "2026-03-01",
      reviewOn: "2028-03-01",
      supersedes: idOf("Stödsamtal 2023"),
    });
    await routine("Gruppnivå", {
      area: "group_level_follow_up",
      approver: board,
      approvedOn: "2026-09-01",
      reviewOn: "2028-09-01",
    });
    await routine("Skolgång 2025", { ...current, area: "children_schooling_sheltered_housing" });
    await routine("Skolgång 2026", {
      area: "children_schooling_sheltered_housing",
      approver: board,
      approvedOn: "2026-08-01",
      reviewOn: "2028-08-01",
      supersedes: idOf("Skolgång 2025"),
    });
    await routine("Överenskommelser", { ...current, area: "agreements_followed_up" });
    await agreement("Med polisen", "2023-01-01");
    await owner
      .insertInto("agreement_follow_up")
      .values({
        id: randomUUID(),
        org_id: orgId,
        agreement_id: idOf("Med polisen"),
        followed_up_on: "2024-12-01",
        findings: "Fungerar.",
        next_follow_up_on: "2026-12-01",
        recorded_by: userId,
      })
      .execute();
    await agreement("Med kvinnojouren", "2024-01-10");
    await agreement("Avslutad", "2020-01-01", "2026-01-01");
  });

  it("answers every area in the catalogue's order, yes only with a current routine behind it", async () => {
    const result = await answers();
    expect(result.map((a) => a.area)).toEqual([...routineAreas]);
    const byArea = Object.fromEntries(
      result.map((a) => [
        a.area,
        { answer: a.answer, routines: a.routines.map((r) => r.title), missing: a.missing },
      ]),
    );
    expect(byArea).toEqual({
      detect_violence_children: {
        answer: "no",
        routines: [],
        missing: ["Ingen rutin för området finns i registret."],
      },
      detect_violence_adults: { answer: "yes", routines: ["Våld vuxna"], missing: [] },
      detect_violence_substance_abuse: {
        answer: "no",
        routines: [],
        missing: ["Ingen rutin för området finns i registret."],
      },
      detect_violence_financial_aid: {
        answer: "no",
        routines: [],
        missing: ["Ingen rutin för området finns i registret."],
      },
      detect_violence_elderly_care: {
        answer: "no",
        routines: [],
        missing: ["Ingen rutin för området finns i registret."],
      },
      detect_violence_disability: {
        answer: "no",
        routines: [],
        missing: ["Ingen rutin för området finns i registret."],
      },
      // The new version is approved only after the day: the old one still holds then.
      children_schooling_sheltered_housing: {
        answer: "yes",
        routines: ["Skolgång 2025"],
        missing: [],
      },
      protected_personal_data: {
        answer: "no",
        routines: [],
        missing: ["Rutinen ”Skyddade uppgifter” är inte fastställd av ledningen."],
      },
      competence_plan: {
        answer: "no",
        routines: [],
        missing: ["Rutinen ”Kompetensplan” skulle ha reviderats senast 2026-01-01."],
      },
      // The stale 2023 routine is superseded: only the new version is looked at.
      support_talks_perpetrators: { answer: "yes", routines: ["Stödsamtal 2026"], missing: [] },
      agreements_followed_up: {
        answer: "no",
        routines: ["Överenskommelser"],
        missing: [
          "Överenskommelsen ”Med kvinnojouren” har inte följts upp inom 24 månader (undertecknad 2024-01-10).",
        ],
      },
      group_level_follow_up: {
        answer: "no",
        routines: [],
        missing: ["Rutinen ”Gruppnivå” fastställs först 2026-09-01."],
      },
    });
  });

  it("answers the agreements question yes once every agreement in force is followed up within 24 months", async () => {
    await database()
      .owner.insertInto("agreement_follow_up")
      .values({
        id: randomUUID(),
        org_id: orgId,
        agreement_id: idOf("Med kvinnojouren"),
        followed_up_on: "2025-11-20",
        findings: "Följd.",
        next_follow_up_on: "2027-11-20",
        recorded_by: userId,
      })
      .execute();
    const result = await answers();
    expect(result.find((a) => a.area === "agreements_followed_up")).toMatchObject({
      answer: "yes",
      missing: [],
    });
  });

  it("gives an analyst the same answers and agreement figures in the reporting transaction the yearly report reads them in", async () => {
    const { owner } = database();
    const analyst = (await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }])).id;
    const asAnalyst = await withReporting(
      database().db,
      { userId: analyst, orgId },
      async (trx) => ({
        answers: await openComparisonsAnswers(trx, orgId, onDate),
        figures: await agreementFigures(trx, 2026),
      }),
    );
    const asWorker = await withActor(database().db, { userId, orgId }, async (trx) => ({
      answers: await openComparisonsAnswers(trx, orgId, onDate),
      figures: await agreementFigures(trx, 2026),
    }));
    expect(asAnalyst).toEqual(asWorker);
    expect(asAnalyst.figures.inForce).toBe(3);
    expect(asAnalyst.answers.find((a) => a.area === "detect_violence_adults")?.answer).toBe("yes");
  });
});
