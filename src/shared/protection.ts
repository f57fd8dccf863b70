import type { PersonDetail } from "./api/persons.ts";

/** A person's protection level as the population register shows it. */
export type ProtectionLevel = NonNullable<PersonDetail["protectionLevel"]>;

/** The levels from least to most protected. */
export const protectionLevels: readonly ProtectionLevel[] = [
  "none",
  "confidentiality_marking",
  "protected_registration",
  "fictitious_identity",
];

const rank = (level: ProtectionLevel) => protectionLevels.indexOf(level);

/** Lowering protection opens letters and contact to addresses: not a single worker's call. */
export function lowersProtection(from: ProtectionLevel, to: ProtectionLevel): boolean {
  return rank(to) < rank(from);
}

/**
 * The levels a person's page offers: every level to someone who may lower protection, else
 * the current level and the higher ones (the server refuses a lower one from them anyway).
 */
export function protectionChoices(
  current: ProtectionLevel,
  mayLower: boolean,
): readonly ProtectionLevel[] {
  return mayLower
    ? protectionLevels
    : protectionLevels.filter((l) => !lowersProtection(current, l));
}

/**
 * Where a person is being shown (issue 19, item 1): the one rule below decides from this and
 * her level what may appear.
 *  - "workspace": her case's pages and her person page, for those who may see the case;
 *  - "list": every list and search result, Att göra, notifications, the log review;
 *  - "document": every PDF, letter, export, e-mail and anything else that leaves the screen.
 */
export type Showing = "workspace" | "list" | "document";

/**
 * What of a person may be shown. `name`/`identityNumber` null: withheld (the caller shows
 * `withheldName`). `contact`: "shown" — her address and contact details may appear;
 * "masked" — only after a reveal with a reason (issue 19, item 2); "withheld" — never here.
 * `badge`: her level when it is one of protection, for the badge beside her name.
 */
export interface ShownPerson {
  name: string | null;
  identityNumber: string | null;
  badge: Exclude<ProtectionLevel, "none"> | null;
  contact: "shown" | "masked" | "withheld";
}

/** What stands where a fictitious identity's real name may not. */
export const withheldName = "Skyddad identitet";

/**
 * The one rule for how a person appears. Any level of protection masks her address and
 * contact details on screen (a reveal with a reason shows them) and withholds them from every
 * list and document. Fingerade personuppgifter: she lives under an identity the police
 * decided, and nothing outside her case's own pages may tie it to the identity Frid holds —
 * no name, no number in lists or documents. The other levels keep name and number (a letter
 * forwarded by Skatteverket needs both; a worker finds her by number).
 */
export function showPerson(
  p: { name: string; identityNumber: string | null; protectionLevel: ProtectionLevel },
  where: Showing,
): ShownPerson {
  const level = p.protectionLevel;
  const badge = level === "none" ? null : level;
  if (level === "none")
    return { name: p.name, identityNumber: p.identityNumber, badge, contact: "shown" };
  const contact = where === "workspace" ? "masked" : "withheld";
  if (level === "fictitious_identity" && where !== "workspace")
    return { name: null, identityNumber: null, badge, contact };
  return { name: p.name, identityNumber: p.identityNumber, badge, contact };
}

/**
 * The case's reference on a document or a file name: withheld wherever her name is
 * (fingerade personuppgifter) — a reference beside an invented identity ties it to the file.
 */
export function shownReference(level: ProtectionLevel, reference: string): string | null {
  return level === "fictitious_identity" ? null : reference;
}

/** A person as a list row, an export line or a notice names her (issue 19, item 1). */
export interface PersonRow {
  /** Her name, or `withheldName` where the rule withholds it. */
  name: string;
  identityNumber: string | null;
  /** Always carried, so the page shows the badge beside whatever name stands. */
  protectionLevel: ProtectionLevel;
}

/**
 * The one rule for a row that names a person: `showPerson` with the withheld name filled
 * in. Every list, search result, work list and export maps her through this, never by hand.
 */
export function showPersonRow(
  p: { name: string; identityNumber: string | null; protectionLevel: ProtectionLevel },
  where: Showing,
): PersonRow {
  const shown = showPerson(p, where);
  return {
    name: shown.name ?? withheldName,
    identityNumber: shown.identityNumber,
    protectionLevel: p.protectionLevel,
  };
}

/** Only her name, for rows that carry no number (Att göra, a stay's members, a consent). */
export function shownName(
  p: { name: string; protectionLevel: ProtectionLevel },
  where: Showing,
): string {
  return showPersonRow({ ...p, identityNumber: null }, where).name;
}
