import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AgencyKind } from "../../../shared/api/collaboration.ts";
import type { Database } from "../types.ts";
import { dayAgo } from "./demo-clock.ts";

/**
 * The demo's directory of collaborating agencies (issue 18, item 1): fictional agencies of the
 * demo municipality's area, each with a unit and a contact person. Every name, number and
 * address is invented (phone numbers in the range kept for fiction, e-mail at example.org).
 * One contact was last confirmed over a year ago, so the directory's owner has it to confirm.
 */
const demoAgencies: {
  key: string;
  kind: AgencyKind;
  name: string;
  unit: string;
  contact: { name: string; role: string; phone: string; confirmedDaysAgo: number };
}[] = [
  {
    key: "police",
    kind: "police",
    name: "Polisen, lokalpolisområde Demo",
    unit: "Brottsofferstöd och relationsvåld",
    contact: {
      name: "Kent Fors",
      role: "Relationsvåldsutredare",
      phone: "010-564 10 00",
      confirmedDaysAgo: 40,
    },
  },
  {
    key: "health",
    kind: "health_centre",
    name: "Vårdcentralen Demo",
    unit: "Kuratorsmottagningen",
    contact: { name: "Helena Vik", role: "Kurator", phone: "0520-49 50 00", confirmedDaysAgo: 90 },
  },
  {
    key: "psychiatry",
    kind: "psychiatry",
    name: "Vuxenpsykiatrin Demo",
    unit: "Öppenvårdsmottagning",
    contact: {
      name: "Olof Sand",
      role: "Sjuksköterska",
      phone: "0520-49 60 00",
      confirmedDaysAgo: 420,
    },
  },
  {
    key: "school",
    kind: "school",
    name: "Demoskolan",
    unit: "Elevhälsan",
    contact: {
      name: "Ida Rönn",
      role: "Skolkurator",
      phone: "0520-49 70 00",
      confirmedDaysAgo: 120,
    },
  },
  {
    key: "barnahus",
    kind: "barnahus",
    name: "Barnahus Demo",
    unit: "Samordning",
    contact: { name: "Mira Ek", role: "Samordnare", phone: "0520-49 80 00", confirmedDaysAgo: 60 },
  },
  {
    key: "shelter",
    kind: "voluntary_shelter",
    name: "Kvinnojouren Demo",
    unit: "Jourtelefonen",
    contact: {
      name: "Sofia Berg",
      role: "Ordförande",
      phone: "0520-49 90 00",
      confirmedDaysAgo: 200,
    },
  },
  {
    key: "tax",
    kind: "tax_agency",
    name: "Skatteverket",
    unit: "Skyddade personuppgifter",
    contact: {
      name: "Folkbokföringen",
      role: "Funktionsbrevlåda",
      phone: "0771-567 567",
      confirmedDaysAgo: 30,
    },
  },
];

export type DemoAgencyKey = (typeof demoAgencies)[number]["key"];

/** Seeds the directory; answers each agency's id by key for the demo's other collaboration. */
export async function seedDemoAgencies(
  trx: Transaction<Database>,
  orgId: string,
  ownerId: string,
): Promise<(key: DemoAgencyKey) => string> {
  const ids = new Map<string, string>();
  for (const a of demoAgencies) {
    const agencyId = randomUUID();
    const unitId = randomUUID();
    ids.set(a.key, agencyId);
    await trx
      .insertInto("agency")
      .values({
        id: agencyId,
        org_id: orgId,
        kind: a.kind,
        name: a.name,
        municipality: a.kind === "tax_agency" ? null : "Demo kommun",
        owner_id: ownerId,
        created_by: ownerId,
      })
      .execute();
    await trx
      .insertInto("agency_unit")
      .values({ id: unitId, org_id: orgId, agency_id: agencyId, name: a.unit })
      .execute();
    await trx
      .insertInto("agency_contact")
      .values({
        id: randomUUID(),
        org_id: orgId,
        agency_id: agencyId,
        agency_unit_id: unitId,
        name: a.contact.name,
        role: a.contact.role,
        phone: a.contact.phone,
        email: `${a.key}@example.org`,
        confirmed_on: dayAgo(a.contact.confirmedDaysAgo),
        confirmed_by: ownerId,
      })
      .execute();
  }
  return (key) => ids.get(key) as string;
}
