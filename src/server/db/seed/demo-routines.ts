import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { RoutineArea } from "../../../shared/api/routines.ts";
import { addDays } from "../../../shared/calendar.ts";
import type { Database } from "../types.ts";
import { dayAgo, seedDay } from "./demo-clock.ts";

/**
 * The demo's routines register (issue 20, item 2), so Öppna jämförelser has answers of each
 * kind: current routines approved by management (Ja); one approved by management whose review
 * date is within 60 days, so its owner's and the keepers' Att göra warn of it (still Ja); one
 * approved by a working group, not management (Nej, and why); the agreements routine, whose
 * answer also needs every agreement followed up within 24 months (the demo's police agreement
 * is not: Nej); and no competence plan at all (Nej). Nothing in the area of protected personal
 * data, which the routines journey adds itself. Every name is invented.
 */
export const demoApprovers = [
  { key: "management", name: "Ledningsgruppen för individ- och familjeomsorgen", management: true },
  { key: "working_group", name: "Arbetsgruppen mot våld i nära relationer", management: false },
] as const;

export const demoRoutines: {
  area: RoutineArea;
  title: string;
  approver: (typeof demoApprovers)[number]["key"];
  approvedDaysAgo: number;
  reviewInDays: number;
  owner: string;
}[] = [
  {
    area: "detect_violence_adults",
    title: "Rutin för att fråga om våld – vuxna",
    approver: "management",
    approvedDaysAgo: 200,
    reviewInDays: 530,
    owner: "enhetschef",
  },
  {
    // Due for review within 60 days: Att göra shows it to its owner and the keepers.
    area: "detect_violence_children",
    title: "Rutin för att upptäcka våld – barn och unga",
    approver: "management",
    approvedDaysAgo: 690,
    reviewInDays: 55,
    owner: "barnchef",
  },
  {
    area: "children_schooling_sheltered_housing",
    title: "Barns skolgång under vistelse i skyddat boende",
    approver: "management",
    approvedDaysAgo: 300,
    reviewInDays: 430,
    owner: "barnchef",
  },
  {
    area: "support_talks_perpetrators",
    title: "Stödsamtal till den som utövar våld",
    approver: "working_group",
    approvedDaysAgo: 120,
    reviewInDays: 610,
    owner: "krischef",
  },
  {
    area: "agreements_followed_up",
    title: "Samverkansöverenskommelser och deras uppföljning",
    approver: "management",
    approvedDaysAgo: 250,
    reviewInDays: 480,
    owner: "enhetschef",
  },
];

export async function seedDemoRoutines(
  trx: Transaction<Database>,
  orgId: string,
  userId: (username: string) => string,
) {
  const keeper = userId("enhetschef");
  const approvers = demoApprovers.map((a) => ({ ...a, id: randomUUID() }));
  await trx
    .insertInto("routine_approver")
    .values(
      approvers.map((a) => ({
        id: a.id,
        org_id: orgId,
        name: a.name,
        management: a.management,
        created_by: keeper,
      })),
    )
    .execute();
  await trx
    .insertInto("routine")
    .values(
      demoRoutines.map((r) => ({
        id: randomUUID(),
        org_id: orgId,
        area: r.area,
        title: r.title,
        approver_id: approvers.find((a) => a.key === r.approver)?.id as string,
        approved_on: dayAgo(r.approvedDaysAgo),
        review_on: addDays(seedDay(), r.reviewInDays),
        owner_id: userId(r.owner),
        created_by: keeper,
      })),
    )
    .execute();
}
