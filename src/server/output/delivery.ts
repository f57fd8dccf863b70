import type { LetterDelivery } from "../../shared/api/decisions.ts";
import { showPerson } from "../../shared/protection.ts";
import type { ProtectionLevel, SafeContact } from "../db/types.ts";

/**
 * Every letter Frid writes to a person passes through here first (roadmap: one place for
 * output, which will later also mask and review disclosures). A letter goes by post only to
 * an address the person has said is safe; otherwise it is handed over in person, and the
 * worker is told why. People with protected registration (skyddad folkbokföring) get mail
 * only via Skatteverket's forwarding, so their letter carries no address at all.
 */
export interface Recipient {
  protectionLevel: ProtectionLevel;
  safeContact: SafeContact | null;
  postalAddress: string | null;
}

export type DeliveryPlan = LetterDelivery & { address: string | null };

/** What the letter is about, where that changes who may learn an address. */
export interface LetterSubject {
  /** A child's sheltered-housing placement: its basis and whether the location is secret. */
  childPlacement?: { basis: "custodians_consent" | "court_2024_79"; locationWithheld: boolean };
}

export function planLetterDelivery(r: Recipient, subject: LetterSubject = {}): DeliveryPlan {
  const warning =
    r.protectionLevel === "confidentiality_marking" ? "confidentiality_marking" : null;
  const handOver = (reason: NonNullable<LetterDelivery["reason"]>): DeliveryPlan => ({
    method: "hand_over",
    reason,
    warning,
    address: null,
  });
  // Said no to letters: never post, whatever else is known.
  if (r.safeContact?.maySendLetters === false) return handOver("letters_not_allowed");
  // A child's letter about housing kept from the other custodian (or placed without their
  // consent) names no address: the child's letter address is the shelter or near it, and the
  // registered one may be the other custodian's home.
  const placement = subject.childPlacement;
  if (placement && (placement.locationWithheld || placement.basis === "court_2024_79"))
    return handOver("location_withheld");
  // A police-decided new identity: no letter that could tie the old records to it.
  if (r.protectionLevel === "fictitious_identity") return handOver("fictitious_identity");
  if (r.protectionLevel === "protected_registration")
    return { method: "forwarding", reason: "protected_registration", warning, address: null };
  // Nobody has asked yet: in this work an unasked address is an unsafe one.
  if (r.safeContact?.maySendLetters !== true) return handOver("not_asked");
  const address = r.safeContact.letterAddress?.trim() || r.postalAddress?.trim() || null;
  if (!address) return handOver("no_address");
  return { method: "post", reason: null, warning, address };
}

/**
 * The name and identity number a letter prints. A person with fingerade personuppgifter lives
 * under an identity the police decided, and no paper may tie it to the identity Frid holds:
 * such a letter names nobody (it is handed over in person, so the recipient is known). Every
 * other letter names its recipient — forwarding via Skatteverket needs the name and number.
 */
export function letterIdentity(r: {
  protectionLevel: ProtectionLevel;
  name: string;
  identityNumber: string | null;
}): { name: string | null; identityNumber: string | null } {
  const { name, identityNumber } = showPerson(r, "document");
  return { name, identityNumber };
}

/**
 * The recipient block of every document Frid hands to or posts for a person: the name and
 * number letterIdentity() allows, then the address only when the plan is to post it, or the
 * words that it is handed over. Forwarding via Skatteverket prints no address at all.
 */
export function recipientLines(
  identity: { name: string | null; identityNumber: string | null },
  delivery: DeliveryPlan,
): string[] {
  const lines: string[] = [];
  if (identity.name) lines.push(identity.name);
  if (identity.identityNumber) lines.push(identity.identityNumber);
  if (delivery.method === "post" && delivery.address) lines.push(delivery.address);
  else if (delivery.method === "hand_over") lines.push("Lämnas personligen.");
  return lines;
}
