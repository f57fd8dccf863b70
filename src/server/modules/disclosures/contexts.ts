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

export const contextCases: Partial<Record<Exclude<DisclosureContext, "direct">, ContextCase>> = {
  coordinated_plan: async (trx, id) =>
    (
      await trx
        .selectFrom("coordinated_plan")
        .select("case_id")
        .where("id", "=", id)
        .executeTakeFirst()
    )?.case_id,
};
