import type { DisclosureContext } from "../../../shared/api/collaboration.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * What a disclosure may be made for besides itself: a referral, a SIP, a risk conference. Each
 * collaboration module that discloses for one of its records adds a line here saying how to
 * find that record's case (under the caller's row-level security: one the caller may not see
 * answers undefined). A disclosure names its context only if the context is a record of the
 * same case; a kind without a line here is refused.
 */
export type ContextCase = (trx: Trx, contextId: string) => Promise<string | undefined>;

/** The case of a record in a table that has `id` and `case_id`, as the caller may see it. */
const caseOf =
  (table: "referral" | "risk_conference" | "coordinated_plan"): ContextCase =>
  async (trx, id) =>
    (await trx.selectFrom(table).select("case_id").where("id", "=", id).executeTakeFirst())
      ?.case_id;

export const contextCases: Partial<Record<Exclude<DisclosureContext, "direct">, ContextCase>> = {
  referral: caseOf("referral"),
  risk_conference: caseOf("risk_conference"),
  coordinated_plan: caseOf("coordinated_plan"),
};
