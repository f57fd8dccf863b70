import type { ProtectionLevel, SafeContact } from "../db/types.ts";

/**
 * How her worker may first reach a partner (seed 004: by letter, SMS or phone), within what
 * is known of her safe-contact instructions. The contact details are what he gave; her own
 * instructions, once she has been asked, always win. An explicit "no" refuses the method;
 * protected identities get no letter to an address; an unasked question is allowed with a
 * warning, because at first contact nobody has asked her yet — the worker is told to choose
 * the most discreet way (a letter in a plain envelope, a call at a time he is not home).
 */
export type ContactMethod = "letter" | "sms" | "phone";
export type Refusal =
  | "letters_not_allowed"
  | "protected_identity"
  | "no_address"
  | "calls_not_allowed"
  | "sms_not_allowed"
  | "no_phone";

export interface ContactOption {
  method: ContactMethod;
  allowed: boolean;
  refusal: Refusal | null;
  /** Nobody has asked her about this way yet. */
  notAsked: boolean;
}

export interface FirstContactRecipient {
  protectionLevel: ProtectionLevel;
  safeContact: SafeContact | null;
  /** Her own letter address if she gave one, else the address he gave. */
  address: string | null;
  phone: string | null;
}

export function firstContactOptions(r: FirstContactRecipient): ContactOption[] {
  const sc = r.safeContact ?? {};
  const option = (
    method: ContactMethod,
    refusal: Refusal | null,
    asked: boolean | null | undefined,
  ) => ({
    method,
    allowed: refusal === null,
    refusal,
    notAsked: refusal === null && (asked === null || asked === undefined),
  });
  const protectedIdentity =
    r.protectionLevel === "protected_registration" || r.protectionLevel === "fictitious_identity";
  const letter: Refusal | null =
    sc.maySendLetters === false
      ? "letters_not_allowed"
      : protectedIdentity
        ? "protected_identity"
        : !(sc.letterAddress?.trim() || r.address?.trim())
          ? "no_address"
          : null;
  const phone: Refusal | null =
    sc.mayCall === false ? "calls_not_allowed" : !r.phone?.trim() ? "no_phone" : null;
  // A text is as visible as a call is audible: a "no" to calls without an answer on texts
  // is a no to texts too.
  const sms: Refusal | null =
    sc.maySendSms === false || (sc.maySendSms == null && sc.mayCall === false)
      ? "sms_not_allowed"
      : !r.phone?.trim()
        ? "no_phone"
        : null;
  return [
    option("letter", letter, sc.maySendLetters),
    option("sms", sms, sc.maySendSms),
    option("phone", phone, sc.mayCall),
  ];
}
