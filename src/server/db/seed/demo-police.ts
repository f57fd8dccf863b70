import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/**
 * Issue 18, items 9 and 7 in the demo. Anna Andersson's former partner (the demo knows him
 * only by the name she gave: he is not a registered person) has a granted restraining order
 * ending in ten days — Att göra asks handlaggare1 whether a new one is needed — two incidents
 * reported to the police, and her protection alarm is due for its follow-up. In Leo Berg's
 * case barnhandlaggare consulted Barnahus Demo without the custodians' consent, anonymised.
 */
export async function seedDemoPolice(
  trx: Transaction<Database>,
  input: {
    orgId: string;
    anna: { caseId: string; personId: string; workerId: string };
    leo: { caseId: string; workerId: string };
    barnahusId: string;
  },
) {
  const { orgId, anna } = input;
  const byAnna = { org_id: orgId, case_id: anna.caseId, recorded_by: anna.workerId };
  await trx
    .insertInto("police_incident")
    .values([
      {
        ...byAnna,
        id: randomUUID(),
        occurred_on: dayAgo(200),
        reported_on: dayAgo(199),
        police_reference: "5000-K100001-26",
        crime_category: "assault",
        description: "Knuffad i hallen; polisanmält dagen efter.",
      },
      {
        ...byAnna,
        id: randomUUID(),
        occurred_on: dayAgo(20),
        reported_on: dayAgo(20),
        police_reference: "5000-K100002-26",
        crime_category: "violation_of_restraining_order",
        description: "Ringde upprepade gånger trots kontaktförbudet.",
      },
    ])
    .execute();
  await trx
    .insertInto("restraining_order")
    .values({
      ...byAnna,
      id: randomUUID(),
      kind: "contact",
      status: "granted",
      protected_person_id: anna.personId,
      against_name: "Peter Holm",
      applied_on: dayAgo(190),
      valid_from: dayAgo(180),
      valid_until: dayAgo(-10),
      reference: "AM-4711-26",
      decided_by: "Åklagarmyndigheten, Demo åklagarkammare",
      recorded_at: daysAgo(180),
    })
    .execute();
  await trx
    .insertInto("safety_alarm")
    .values({
      ...byAnna,
      id: randomUUID(),
      kind: "protection_alarm",
      valid_from: dayAgo(60),
      valid_until: dayAgo(-120),
      follow_up_on: dayAgo(-2),
      supplied_by: "Polisen, brottsofferenheten",
      recorded_at: daysAgo(60),
    })
    .execute();
  await trx
    .insertInto("case_consultation")
    .values({
      id: randomUUID(),
      org_id: orgId,
      case_id: input.leo.caseId,
      held_on: dayAgo(2),
      about: "child",
      agency_id: input.barnahusId,
      question:
        "Pojke i lågstadiet har berättat för skolan om slag hemma. Vårdnadshavarna vet inget än. Ska polisen kontaktas före samtal med föräldrarna?",
      advice:
        "Kontakta polisen för samråd innan vårdnadshavarna underrättas, så att en eventuell utredning inte försvåras. Boka samråd på Barnahus.",
      recorded_by: input.leo.workerId,
      recorded_at: daysAgo(2),
    })
    .execute();
}
