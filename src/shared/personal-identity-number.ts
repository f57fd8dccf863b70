/**
 * Swedish personal identity numbers (personnummer, folkbokföringslagen 18 §) and
 * coordination numbers (samordningsnummer, 18 a §: the day plus 60).
 *
 * Accepted forms: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC.
 * With only two year digits the century is the latest one that does not put the birth in
 * the future; "+" marks a person who has turned 100, so one more century back.
 */

export type IdentityNumberKind = "personal_identity_number" | "coordination_number";

export interface ParsedIdentityNumber {
  kind: IdentityNumberKind;
  /** Twelve digits, YYYYMMDDNNNC: the one form stored and compared. */
  normalized: string;
  /** ISO date; null for a coordination number whose day is unknown (day digits 60). */
  birthDate: string | null;
}

export type IdentityNumberError = "format" | "date" | "checksum";

export type ParseResult =
  | { ok: true; value: ParsedIdentityNumber }
  | { ok: false; error: IdentityNumberError; message: string };

const messages: Record<IdentityNumberError, string> = {
  format: "Ange personnummer som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.",
  date: "Datumet i numret finns inte.",
  checksum: "Kontrollsiffran stämmer inte – kontrollera numret.",
};

const pattern = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn (modulus 10 with weights 2,1,…) over the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function fail(error: IdentityNumberError): ParseResult {
  return { ok: false, error, message: messages[error] };
}

export function parseIdentityNumber(input: string, today: Date = new Date()): ParseResult {
  const match = pattern.exec(input.trim().replace(/\s+/g, ""));
  if (!match) return fail("format");
  const [, century, yy, mm, dd, separator, serial, check] = match as unknown as string[];
  if (century && separator === "+") return fail("format");

  const month = Number(mm);
  const rawDay = Number(dd);
  const kind: IdentityNumberKind =
    rawDay > 60 || rawDay === 60 ? "coordination_number" : "personal_identity_number";
  const day = kind === "coordination_number" ? rawDay - 60 : rawDay;

  let year: number;
  if (century) {
    year = Number(`${century}${yy}`);
  } else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    const birthdayNotYetPossible =
      year > thisYear ||
      (year === thisYear &&
        (month > today.getUTCMonth() + 1 ||
          (month === today.getUTCMonth() + 1 && Math.max(day, 1) > today.getUTCDate())));
    if (birthdayNotYetPossible) year -= 100;
    if (separator === "+") year -= 100;
  }

  const unknownDay = kind === "coordination_number" && day === 0;
  if (unknownDay ? month < 1 || month > 12 : !isRealDate(year, month, day)) return fail("date");

  const nine = `${yy}${mm}${dd}${serial}`;
  if (luhnCheckDigit(nine) !== Number(check)) return fail("checksum");

  return {
    ok: true,
    value: {
      kind,
      normalized: `${year}${mm}${dd}${serial}${check}`,
      birthDate: unknownDay ? null : `${year}-${mm}-${String(day).padStart(2, "0")}`,
    },
  };
}

/** YYYYMMDD-NNNN: how the UI shows a stored (normalized) number. */
export function formatIdentityNumber(normalized: string): string {
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** How a stored number is shown: national numbers with their dash, reserve numbers as issued. */
export function displayIdentityNumber(kind: string, stored: string | null): string | null {
  if (!stored) return null;
  return kind === "reserve_number" ? stored : formatIdentityNumber(stored);
}
