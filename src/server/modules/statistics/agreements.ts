import { sql } from "kysely";
import { addMonths } from "../../../shared/calendar.ts";
import { agreementFollowUpMonths } from "../../../shared/directory-deadlines.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Collaboration agreements in figures, for the yearly report (issue 20 calls it) and Öppna
 * jämförelser's questions: "does the municipality have an agreement with the women's shelters
 * / the police that was followed up within the last 24 months?" (yes/no per kind). The
 * agreements are the organisation's own, no client's data: read in the caller's transaction
 * under agreement_select (0064), which shows the organisation's agreements to whoever reads
 * the directory.
 */
export const comparedAgencyKinds = ["voluntary_shelter", "police"] as const;
export type ComparedAgencyKind = (typeof comparedAgencyKinds)[number];

export interface AgreementFigures {
  year: number;
  /** Agreements in force at some time during the year (signed by its end, not ended before it). */
  inForce: number;
  /** Per kind: an agreement in force at the year's end with such a party, followed up within 24 months before it. */
  followedUpWithin24Months: Record<ComparedAgencyKind, boolean>;
}

export async function agreementFigures(trx: Trx, year: number): Promise<AgreementFigures> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const since = addMonths(last, -agreementFollowUpMonths);
  const inForce = await trx
    .selectFrom("agreement as a")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("a.signed_on", "<=", last)
    .where((eb) => eb.or([eb("a.ended_on", "is", null), eb("a.ended_on", ">=", first)]))
    .executeTakeFirstOrThrow();
  const followed = await trx
    .selectFrom("agreement as a")
    .innerJoin("agreement_party as p", "p.agreement_id", "a.id")
    .innerJoin("agency as g", "g.id", "p.agency_id")
    .select("g.kind")
    .distinct()
    .where("g.kind", "in", [...comparedAgencyKinds])
    .where("a.signed_on", "<=", last)
    .where((eb) => eb.or([eb("a.ended_on", "is", null), eb("a.ended_on", ">", last)]))
    .where(
      sql<boolean>`exists (select 1 from agreement_follow_up f
        where f.agreement_id = a.id and f.followed_up_on > ${since}::date
          and f.followed_up_on <= ${last}::date)`,
    )
    .execute();
  const kinds = new Set(followed.map((r) => r.kind));
  return {
    year,
    inForce: Number(inForce.n),
    followedUpWithin24Months: {
      voluntary_shelter: kinds.has("voluntary_shelter"),
      police: kinds.has("police"),
    },
  };
}
