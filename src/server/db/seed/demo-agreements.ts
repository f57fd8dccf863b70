import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, addMonths } from "../../../shared/calendar.ts";
import type { Database } from "../types.ts";
import type { DemoAgencyKey } from "./demo-agencies.ts";
import { dayAgo, seedDay } from "./demo-clock.ts";

/**
 * The demo's collaboration agreements (issue 18, item 2), owned by the adult unit: one with
 * the police whose follow-up is overdue (so enhetschef's Att göra shows it), one with the
 * women's shelter followed up last year, and the committee's assignment to the shelter.
 * Every name and reference is invented.
 */
export async function seedDemoAgreements(
  trx: Transaction<Database>,
  ids: {
    orgId: string;
    unitId: string;
    managerId: string;
    workerId: string;
    agency: (key: DemoAgencyKey) => string;
  },
) {
  const { orgId, unitId, managerId } = ids;
  const police = randomUUID();
  const signed = dayAgo(740);
  await trx
    .insertInto("agreement")
    .values({
      id: police,
      org_id: orgId,
      unit_id: unitId,
      title: "Samverkan mot våld i nära relationer – socialtjänsten och lokalpolisområde Demo",
      areas: ["reports_of_concern", "children_witnessed_violence", "out_of_hours"],
      goals:
        "Polisen skickar orosanmälan samma dag när barn har bevittnat våld.\nSocialtjänsten nås dygnet runt via socialjouren.",
      signed_on: signed,
      next_follow_up_on: addDays(signed, 720),
      document_reference: "SN 2024/112",
      created_by: managerId,
    })
    .execute();
  const shelter = randomUUID();
  const shelterSigned = dayAgo(500);
  const followedUp = dayAgo(130);
  await trx
    .insertInto("agreement")
    .values({
      id: shelter,
      org_id: orgId,
      unit_id: unitId,
      title: "Överenskommelse med Kvinnojouren Demo",
      areas: ["protected_personal_data", "other"],
      goals: "Kvinnor som söker jouren erbjuds kontakt med socialtjänsten inom en arbetsdag.",
      signed_on: shelterSigned,
      last_followed_up_on: followedUp,
      next_follow_up_on: addMonths(followedUp, 12),
      created_by: managerId,
    })
    .execute();
  await trx
    .insertInto("agreement_follow_up")
    .values({
      id: randomUUID(),
      org_id: orgId,
      agreement_id: shelter,
      followed_up_on: followedUp,
      findings: "Rutinen följs. Jouren önskar en fast kontaktperson – utsedd.",
      next_follow_up_on: addMonths(followedUp, 12),
      recorded_by: managerId,
    })
    .execute();
  await trx
    .insertInto("agreement_party")
    .values([
      { agreement_id: police, agency_id: ids.agency("police"), org_id: orgId },
      { agreement_id: shelter, agency_id: ids.agency("shelter"), org_id: orgId },
    ])
    .execute();
  await trx
    .insertInto("agreement_responsible")
    .values([
      { id: randomUUID(), agreement_id: police, org_id: orgId, user_id: ids.workerId },
      { id: randomUUID(), agreement_id: shelter, org_id: orgId, user_id: managerId },
    ])
    .execute();
  await trx
    .insertInto("voluntary_assignment")
    .values({
      id: randomUUID(),
      org_id: orgId,
      unit_id: unitId,
      agency_id: ids.agency("shelter"),
      decided_on: dayAgo(400),
      decision_reference: "SN 2025/31 § 12",
      legal_basis:
        "Idéburet offentligt partnerskap (IOP); SoL (2025:400) om stöd till våldsutsatta",
      scope:
        "Stödsamtal och jourtelefon för våldsutsatta kvinnor; skyddat boende i två lägenheter.",
      valid_from: dayAgo(365),
      valid_until: addDays(seedDay(), 365),
      follow_up_on: addDays(seedDay(), 60),
      created_by: managerId,
    })
    .execute();
}
