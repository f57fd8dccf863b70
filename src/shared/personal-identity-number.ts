import { stockholmDate } from "./calendar.ts";

/**
 * Swedish personal identity numbers (personnummer, folkbokföringslagen 18 §) and
 * coordination numbers (samordningsnummer, 18 a §: the day plus 60).
 *
 * Accepted forms: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYYYMMDD+NNNC, YYMMDD-NNNC, YYMMDD+NNNC,
 * YYMMDDNNNC. The separator is "-", or "+" from the year the person turns 100 (18 §: "ett
 * bindestreck som byts mot ett plustecken det år en person fyller 100 år"). With only two year
 * digits, "-" or none means the latest century that does not put the birth in the future, and
 * "+" the latest year at least 100 years back. Refused: whitespace inside the number (a "+"
 * sent in a form can arrive as a space, and guessing would give another century — another
 * person), the serial 000 (never issued), and a birth date after today in Swedish time.
 */

export type IdentityNumberKind = "personal_identity_number" | "coordination_number";

export interface ParsedIdentityNumber {
  kind: IdentityNumberKind;
  /** Twelve digits, YYYYMMDDNNNC: the one form stored and compared. */
  normalized: string;
  /** ISO date; null for a coordination number whose day is unknown (day digits 60). */
  birthDate: string | null;
}

export type IdentityNumberError =
  | "format"
  | "whitespace"
  | "date"
  | "future"
  | "plus"
  | "serial"
  | "checksum";

export type ParseResult =
  | { ok: true; value: ParsedIdentityNumber }
  | { ok: false; error: IdentityNumberError; message: string };

const messages: Record<IdentityNumberError, string> = {
  format: "Ange personnummer som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.",
  whitespace:
    "Skriv numret utan mellanslag, med - eller + mellan födelsedatumet och de fyra sista siffrorna.",
  date: "Datumet i numret finns inte.",
  future: "Födelsedatumet i numret ligger i framtiden – kontrollera numret.",
  plus: "Plustecknet används bara för den som fyller 100 år i år eller är äldre.",
  serial: "Födelsenumret 000 delas aldrig ut – kontrollera de fyra sista siffrorna.",
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

/** MM-DD with an unknown day (a coordination number's 60) read as the 1st: never later than it could be. */
const monthDay = (month: number, day: number) =>
  `${String(month).padStart(2, "0")}-${String(Math.max(day, 1)).padStart(2, "0")}`;

/**
 * The year of a number written with two year digits, `today` being Stockholm's YYYY-MM-DD:
 * "+" the latest year at least 100 years back; otherwise the latest year not in the future.
 */
function centuryOf(yy: number, month: number, day: number, plus: boolean, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (plus) {
    const latest = thisYear - 100;
    return latest - ((((latest - yy) % 100) + 100) % 100);
  }
  const year = Math.floor(thisYear / 100) * 100 + yy;
  return `${year}-${monthDay(month, day)}` > today ? year - 100 : year;
}

export function parseIdentityNumber(input: string, today: Date = new Date()): ParseResult {
  const trimmed = input.trim();
  if (/\s/.test(trimmed)) return fail("whitespace");
  const match = pattern.exec(trimmed);
  if (!match) return fail("format");
  const [, century, yy, mm, dd, separator, serial, check] = match as unknown as string[];

  const month = Number(mm);
  const rawDay = Number(dd);
  const kind: IdentityNumberKind =
    rawDay >= 60 ? "coordination_number" : "personal_identity_number";
  const day = kind === "coordination_number" ? rawDay - 60 : rawDay;
  const todayInSweden = stockholmDate(today);
  const year = century
    ? Number(`${century}${yy}`)
    : centuryOf(Number(yy), month, day, separator === "+", todayInSweden);

  const unknownDay = kind === "coordination_number" && day === 0;
  if (unknownDay ? month < 1 || month > 12 : !isRealDate(year, month, day)) return fail("date");
  if (`${year}-${monthDay(month, day)}` > todayInSweden) return fail("future");
  if (separator === "+" && year > Number(todayInSweden.slice(0, 4)) - 100) return fail("plus");
  if (serial === "000") return fail("serial");

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

// 12 or 10 digits with an optional separator: the shape of identity and coordination numbers.
const identityNumberShape = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/g;

/**
 * A digit run is a personal identity number when it has the shape, a real date (a
 * coordination number's day plus 60) and the Luhn check digit: ports, counts, timestamps and
 * error numbers stay readable. A space stands for the separator ("+" arrives as one in a URL).
 */
function isIdentityNumber(candidate: string): boolean {
  const result = parseIdentityNumber(candidate.replace(" ", "-"));
  return result.ok || result.error === "plus";
}

/** The text with every identity or coordination number in it replaced by `mark` (the log's scrubber). */
export function replaceIdentityNumbers(text: string, mark: string): string {
  return text.replace(identityNumberShape, (m) => (isIdentityNumber(m) ? mark : m));
}

/**
 * Whether a free text holds an identity or coordination number: fields that must never
 * identify anyone (an anonymous contact's topic, a first name) refuse such a text.
 */
export function containsIdentityNumber(text: string): boolean {
  return [...text.matchAll(identityNumberShape)].some((m) => isIdentityNumber(m[0]));
}
