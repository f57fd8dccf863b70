import { luhnCheckDigit } from "../../src/shared/personal-identity-number.ts";
import type { Random } from "./random.ts";

/**
 * Test identity numbers: a real date of birth, a birth number in the 980–989 range (the
 * fictional range the demo data uses too, so no real person's number is made) and a valid
 * check digit. The third serial digit is odd for men, even for women, as in the register.
 * `IdentityPool` keeps them unique within one organisation.
 */
const day = 86_400_000;

export type Sex = "female" | "male";

export function identityNumber(birth: Date, sexDigit: number, coordination: boolean): string {
  const y = birth.getUTCFullYear();
  const m = String(birth.getUTCMonth() + 1).padStart(2, "0");
  const d = String(birth.getUTCDate() + (coordination ? 60 : 0)).padStart(2, "0");
  const serial = `98${sexDigit}`;
  const yymmdd = `${String(y).slice(2)}${m}${d}`;
  return `${y}${m}${d}${serial}${luhnCheckDigit(`${yymmdd}${serial}`)}`;
}

export class IdentityPool {
  private readonly used = new Set<string>();

  constructor(
    private readonly r: Random,
    private readonly today: Date,
  ) {}

  /**
   * A number for someone born between `minAge` and `maxAge` years before today. A few are
   * coordination numbers (samordningsnummer: the day plus 60). Null when the band's fictional
   * numbers are all but taken — five per day and sex: about 33,000 children of each sex, so a
   * single organisation of a country's size runs out (it looped for ever before); the caller
   * gives that person a reserve number.
   */
  draw(
    sex: Sex,
    minAge: number,
    maxAge: number,
  ): { number: string; birthDate: string; coordination: boolean } | null {
    const coordination = this.r.chance(0.02);
    for (let tries = 0; tries < 64; tries++) {
      const ageDays = this.r.between(minAge * 365 + 1, maxAge * 365 + 364);
      const birth = new Date(this.today.getTime() - ageDays * day);
      const sexDigit = this.r.int(5) * 2 + (sex === "male" ? 1 : 0);
      const number = identityNumber(birth, sexDigit, coordination);
      if (this.used.has(number)) continue;
      this.used.add(number);
      return { number, birthDate: birth.toISOString().slice(0, 10), coordination };
    }
    return null;
  }

  /** A reserve number (a municipality's own, "RES" and seven digits), unique here too. */
  reserve(): string {
    for (;;) {
      const number = `RES${String(this.r.int(10_000_000)).padStart(7, "0")}`;
      if (this.used.has(number)) continue;
      this.used.add(number);
      return number;
    }
  }
}
