/** What every row of the list says about its case and person. */
export const caseColumns = [
  "c.id",
  "c.reference",
  "c.person_id",
  "c.unit_id",
  "p.given_name",
  "p.family_name",
] as const;

export function rowOf(r: {
  id: string;
  reference: string;
  person_id: string;
  unit_id: string;
  given_name: string;
  family_name: string;
}) {
  return {
    caseId: r.id,
    reference: r.reference,
    personName: `${r.given_name} ${r.family_name}`,
    personId: r.person_id,
    unitId: r.unit_id,
  };
}
