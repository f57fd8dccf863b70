import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AreaKind, IndicatorCode } from "../../../shared/api/action-plan.ts";
import { fixedAreaKinds } from "../../../shared/api/action-plan.ts";
import { addDays } from "../../../shared/calendar.ts";
import { computeIndicator } from "../../modules/action-plan/indicators.ts";
import type { Database } from "../types.ts";
import { daysAgo, seedDay } from "./demo-clock.ts";

/**
 * The demo's action plan (issue 20, item 1), Ekerö-like (seed 003): adopted by the committee
 * for last year to next, a goal in each of the five areas the committee asked to hear about,
 * activities with owners and days, and last year's follow-up of every goal — so the keepers'
 * Att göra has no follow-up to do, and no activity is open within Att göra's window (done ones
 * lie in the past, open ones months ahead). A computed indicator's follow-up holds what Frid
 * counts for last year over the demo's records (the seed reads them all, as an analyst would).
 * Every name is invented.
 */
export const demoPlanTitle = "Socialnämndens plan mot våld i nära relationer";

interface DemoGoal {
  area: Exclude<AreaKind, "own">;
  title: string;
  description: string;
  indicator: { name: string; unit: string; target: number; code: IndicatorCode | null };
  activities: { title: string; owner: string; dueInDays: number; status: "done" | "planned" }[];
  followUp: {
    status: "reached" | "partly_reached" | "not_reached" | "ongoing";
    done: string;
    value?: number;
  };
}

export const demoGoals: DemoGoal[] = [
  {
    area: "collaboration",
    title: "Samverkansöverenskommelserna följs upp varje år",
    description: "Med polisen, kvinnojouren och hälso- och sjukvården.",
    indicator: {
      name: "Samverkansöverenskommelser som följts upp under året",
      unit: "överenskommelser",
      target: 2,
      code: "agreements_followed_up",
    },
    activities: [
      {
        title: "Uppföljningsmöte med lokalpolisen",
        owner: "enhetschef",
        dueInDays: 120,
        status: "planned",
      },
    ],
    followUp: {
      status: "partly_reached",
      done: "Överenskommelserna gicks igenom med polisen och kvinnojouren; uppföljningarna förs i Frid.",
    },
  },
  {
    area: "competence_development",
    title: "All personal som möter våldsutsatta har grundutbildning",
    description: "Grundutbildning om våld i nära relationer och hedersrelaterat våld.",
    indicator: {
      name: "Deltagare i utbildningar",
      unit: "deltagare",
      target: 40,
      code: "training_participants",
    },
    activities: [
      {
        title: "Grundutbildning för nyanställda",
        owner: "krischef",
        dueInDays: -60,
        status: "done",
      },
      {
        title: "Fördjupning om barn som bevittnat våld",
        owner: "barnchef",
        dueInDays: 150,
        status: "planned",
      },
    ],
    followUp: {
      status: "partly_reached",
      done: "Grundutbildningen planerades med kvinnofridsinstruktörerna; deltagarna förs i kompetensregistret.",
    },
  },
  {
    area: "mapping",
    title: "Kartlägga våldets omfattning i kommunen",
    description: "Enkät till skola, äldreomsorg, ekonomiskt bistånd och hälso- och sjukvård.",
    indicator: {
      name: "Verksamheter som besvarat kartläggningen",
      unit: "verksamheter",
      target: 8,
      code: null,
    },
    activities: [
      {
        title: "Skicka enkäten till verksamheterna",
        owner: "handlaggare1",
        dueInDays: -90,
        status: "done",
      },
    ],
    followUp: { status: "not_reached", done: "Sex av åtta verksamheter svarade.", value: 6 },
  },
  {
    area: "investigation_methods",
    title: "Våldsutsatta vuxna får en strukturerad riskbedömning",
    description: "FREDA och SARA:SV används i alla utredningar.",
    indicator: {
      name: "Genomförda riskbedömningar",
      unit: "bedömningar",
      target: 30,
      code: "risk_assessments_completed",
    },
    activities: [
      {
        title: "Metodstöd i FREDA för handläggarna",
        owner: "behandlare1",
        dueInDays: 200,
        status: "planned",
      },
    ],
    followUp: {
      status: "ongoing",
      done: "Riskbedömningarna med FREDA och SARA:SV görs nu i Frid.",
    },
  },
  {
    area: "statistics",
    title: "Nämnden får en årlig rapport om arbetet mot våld",
    description: "Rapporten tas fram ur Frid och redovisas för nämnden i februari.",
    indicator: { name: "Årsrapporter till nämnden", unit: "rapporter", target: 1, code: null },
    activities: [],
    followUp: {
      status: "reached",
      done: "Årsrapporten redovisades för nämnden i februari.",
      value: 1,
    },
  },
];

export async function seedDemoActionPlan(
  trx: Transaction<Database>,
  orgId: string,
  userId: (username: string) => string,
) {
  const thisYear = Number(seedDay().slice(0, 4));
  const lastYear = thisYear - 1;
  const managerId = userId("enhetschef");
  const planId = randomUUID();
  // Adopted early last year: its goals were there all year, so last year's follow-up is due.
  const adopted = new Date(`${lastYear}-02-20T10:00:00Z`);
  await trx
    .insertInto("action_plan")
    .values({
      id: planId,
      org_id: orgId,
      title: demoPlanTitle,
      adopted_by: "Socialnämnden",
      adopted_on: `${lastYear}-02-20`,
      from_year: lastYear,
      to_year: thisYear + 1,
      created_by: managerId,
      created_at: adopted,
    })
    .execute();
  const areaIds = fixedAreaKinds.map(() => randomUUID());
  await trx
    .insertInto("action_plan_area")
    .values(
      fixedAreaKinds.map((kind, position) => ({
        id: areaIds[position] as string,
        org_id: orgId,
        plan_id: planId,
        kind,
        position,
      })),
    )
    .execute();
  for (const goal of demoGoals) {
    const goalId = randomUUID();
    await trx
      .insertInto("action_plan_goal")
      .values({
        id: goalId,
        org_id: orgId,
        plan_id: planId,
        area_id: areaIds[fixedAreaKinds.indexOf(goal.area)] as string,
        title: goal.title,
        description: goal.description,
        indicator_name: goal.indicator.name,
        indicator_unit: goal.indicator.unit,
        target_value: String(goal.indicator.target),
        indicator_code: goal.indicator.code,
        created_at: adopted,
      })
      .execute();
    for (const a of goal.activities)
      await trx
        .insertInto("action_plan_activity")
        .values({
          id: randomUUID(),
          org_id: orgId,
          plan_id: planId,
          goal_id: goalId,
          title: a.title,
          owner_id: userId(a.owner),
          due_on: addDays(seedDay(), a.dueInDays),
          status: a.status,
          created_at: adopted,
        })
        .execute();
    const { code } = goal.indicator;
    const value = code
      ? await computeIndicator(trx, code, { orgId, year: lastYear })
      : (goal.followUp.value ?? null);
    await trx
      .insertInto("action_plan_follow_up")
      .values({
        id: randomUUID(),
        org_id: orgId,
        plan_id: planId,
        goal_id: goalId,
        year: lastYear,
        status: goal.followUp.status,
        done: goal.followUp.done,
        value: value === null ? null : String(value),
        computed: code !== null,
        computed_at: code ? daysAgo(0) : null,
        recorded_by: managerId,
        recorded_at: daysAgo(0),
      })
      .execute();
  }
}
