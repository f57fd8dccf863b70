import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/**
 * Sara Berg's consents to share (issue 18, item 3): ONE per recipient, given orally to her
 * worker, wide enough for everything the demo shares on it — the disclosure to the health
 * centre's counsellor, the referral to psychiatry, and the SIP with both. A worker who opens
 * her Samverkan section sees one consent per agency, as a real case would have.
 */
export interface SaraConsentIds {
  orgId: string;
  caseId: string;
  personId: string;
  workerId: string;
  healthId: string;
  psychiatryId: string;
}

interface ConsentFacts {
  agencyId: string;
  information: string;
  purpose: string;
  givenDaysAgo: number;
}

async function oralConsent(trx: Transaction<Database>, ids: SaraConsentIds, c: ConsentFacts) {
  const id = randomUUID();
  const givenOn = dayAgo(c.givenDaysAgo);
  const recorded = { recorded_by: ids.workerId, recorded_at: daysAgo(c.givenDaysAgo) };
  await trx
    .insertInto("consent")
    .values({
      id,
      org_id: ids.orgId,
      case_id: ids.caseId,
      scope: "sharing",
      person_id: ids.personId,
      information: c.information,
      purpose: c.purpose,
      recipient_agency_id: c.agencyId,
      given_on: givenOn,
      expires_on: dayAgo(c.givenDaysAgo - 365),
      ...recorded,
    })
    .execute();
  await trx
    .insertInto("consent_giver")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      consent_id: id,
      case_id: ids.caseId,
      kind: "self",
      name: "Sara Berg",
      form: "oral",
      heard_by: ids.workerId,
      given_on: givenOn,
      ...recorded,
    })
    .execute();
  return { id, givenOn };
}

/** Her consent to Vårdcentralen Demo and to Vuxenpsykiatrin Demo, by recipient. */
export async function seedSaraConsents(trx: Transaction<Database>, ids: SaraConsentIds) {
  const psychiatry = await oralConsent(trx, ids, {
    agencyId: ids.psychiatryId,
    information:
      "Att jag utsatts för våld i nära relation, riskbedömningen, pågående insatser, min situation och mina mål",
    purpose:
      "Remiss för bedömning av psykisk ohälsa efter våldet, och en samordnad individuell plan (SIP)",
    givenDaysAgo: 22,
  });
  const health = await oralConsent(trx, ids, {
    agencyId: ids.healthId,
    information:
      "Riskbedömningen, vilket stöd jag får av socialtjänsten, min situation och mina mål",
    purpose:
      "Att vårdcentralens kurator ska kunna samordna mitt stöd med socialtjänsten, också i en samordnad individuell plan (SIP)",
    givenDaysAgo: 20,
  });
  return { health, psychiatry };
}
