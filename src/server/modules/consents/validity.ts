import { stockholmDate } from "../../../shared/calendar.ts";
import { lockCase } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Whether a consent to share holds on a day: the one rule every sharing checks (a disclosure
 * on consent, a SIP, a risk conference's pack). A consent holds from the day it was given
 * (and every giver it needs has given it) until it expires or is revoked; a revocation or an
 * expiry ends every sharing that relied on it from then on — what was disclosed before stays
 * disclosed, and is listed as such.
 */
export type ConsentState = "valid" | "revoked" | "expired" | "not_yet_valid" | "incomplete";

export interface ConsentFacts {
  given_on: string;
  expires_on: string | null;
  revoked_on: string | null;
  custodians_required: number | null;
}

/**
 * The consent's state on `on` (YYYY-MM-DD, Swedish time). For a child, `custodians_required`
 * custodians must each have given it; otherwise the person herself.
 */
export function consentState(
  c: ConsentFacts,
  givers: readonly { kind: "self" | "custodian"; given_on: string }[],
  on: string,
): ConsentState {
  if (c.revoked_on !== null && c.revoked_on <= on) return "revoked";
  if (c.expires_on !== null && c.expires_on < on) return "expired";
  const needed = c.custodians_required;
  const given = givers.filter(
    (g) => g.given_on <= on && (needed === null ? g.kind === "self" : g.kind === "custodian"),
  );
  if (given.length < (needed ?? 1)) {
    return givers.length === 0 || c.given_on > on ? "not_yet_valid" : "incomplete";
  }
  return c.given_on > on ? "not_yet_valid" : "valid";
}

const stateMessages: Record<Exclude<ConsentState, "valid">, string> = {
  revoked: "Samtycket är återkallat. Uppgifterna kan inte lämnas ut med stöd av det.",
  expired: "Samtycket har gått ut. Uppgifterna kan inte lämnas ut med stöd av det.",
  not_yet_valid: "Samtycket gäller inte ännu.",
  incomplete: "Samtycket saknar samtycke från alla vårdnadshavare som behövs.",
};

/** What a sharing asks of its consent: whose information, to whom, on which day. */
export interface SharingAsked {
  personId: string;
  /** The receiving agency; a consent naming another agency does not cover it. */
  agencyId: string | null;
  on: string;
}

/**
 * The consent a sharing relies on, checked: it must be a consent to share about this person,
 * covering this recipient, valid on the day of the sharing and still valid today (what leaves
 * now cannot rest on a consent revoked since, however the day is backdated). Otherwise 409
 * `consent_not_valid` naming why, in the field `consentId`. Read in the caller's transaction
 * (row-level security: a consent of a case the actor may not see is as missing as one that
 * does not exist), after locking the consent's own case: a revocation locks it too
 * (consents/service.ts), so the two run one after the other even when the sharing is made
 * from another case of hers.
 */
export async function requireValidConsent(trx: Trx, consentId: string, asked: SharingAsked) {
  const own = await trx
    .selectFrom("consent")
    .select("case_id")
    .where("id", "=", consentId)
    .executeTakeFirst();
  if (own) await lockCase(trx, own.case_id);
  const consent = await trx
    .selectFrom("consent")
    .select([
      "id",
      "case_id",
      "person_id",
      "recipient_agency_id",
      "recipient_name",
      "information",
      "purpose",
      "given_on",
      "expires_on",
      "revoked_on",
      "custodians_required",
    ])
    .where("id", "=", consentId)
    .where("scope", "=", "sharing")
    .executeTakeFirst();
  if (!consent || consent.person_id !== asked.personId) {
    throw refused("Samtycket finns inte för den här personen.");
  }
  if (consent.recipient_agency_id !== null && consent.recipient_agency_id !== asked.agencyId) {
    throw refused("Samtycket gäller utlämnande till en annan mottagare.");
  }
  const givers = (await giversOf(trx, [consentId])).get(consentId) ?? [];
  const today = stockholmDate(new Date());
  for (const day of asked.on < today ? [asked.on, today] : [asked.on]) {
    const state = consentState(consent, givers, day);
    if (state !== "valid") throw refused(stateMessages[state]);
  }
  return consent;
}

/**
 * Of these consents, the ones that hold on `on`: what is shown onwards on a consent (an
 * agency's conference pack) shows nothing whose consent has since ended.
 */
export async function consentsHolding(
  trx: Trx,
  ids: readonly string[],
  on: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const consents = await trx
    .selectFrom("consent")
    .select(["id", "given_on", "expires_on", "revoked_on", "custodians_required"])
    .where("id", "in", ids)
    .execute();
  const givers = await giversOf(trx, ids);
  return new Set(
    consents
      .filter((c) => consentState(c, givers.get(c.id) ?? [], on) === "valid")
      .map((c) => c.id),
  );
}

/** The givers of these consents, by consent: what consentState weighs besides the consent. */
async function giversOf(trx: Trx, ids: readonly string[]) {
  const rows = await trx
    .selectFrom("consent_giver")
    .select(["consent_id", "kind", "given_on"])
    .where("consent_id", "in", ids)
    .execute();
  const byConsent = new Map<string, { kind: "self" | "custodian"; given_on: string }[]>();
  for (const r of rows) byConsent.set(r.consent_id, [...(byConsent.get(r.consent_id) ?? []), r]);
  return byConsent;
}

function refused(message: string) {
  return new AppError(409, "consent_not_valid", message, { consentId: message });
}
