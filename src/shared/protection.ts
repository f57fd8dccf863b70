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
