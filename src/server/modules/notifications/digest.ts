import type { Notice } from "./notices.ts";

/**
 * The daily e-mail digest: how many, never what or whom. An e-mail leaves Frid's protection
 * (it is stored on mail servers and phones Frid does not control), so it carries counts and a
 * link only: no name, identity number, case reference, address, kind of case or date of one.
 */
export interface DigestCounts {
  /** Cases with a deadline within 3 days. */
  dueSoon: number;
  /** Cases with something overdue. */
  overdue: number;
  /** Lines new on Att göra, due later. */
  fresh: number;
  /** Events across a barrier to acknowledge. */
  barrierEvents: number;
  /** Cases assigned to me lately. */
  assigned: number;
}

/** Cases (and things about no case: an agreement, an agency) with a notice of the category. */
const casesIn = (notices: Notice[], category: Notice["category"]) =>
  new Set(notices.filter((n) => n.category === category).map((n) => n.caseId ?? n.subject?.id))
    .size;
const count = (notices: Notice[], category: Notice["category"]) =>
  notices.filter((n) => n.category === category).length;

export function digestCounts(notices: Notice[]): DigestCounts {
  return {
    dueSoon: casesIn(notices, "due_soon"),
    overdue: casesIn(notices, "overdue"),
    fresh: count(notices, "new"),
    barrierEvents: count(notices, "barrier_event"),
    assigned: casesIn(notices, "assigned"),
  };
}

export const nothingToTell = (c: DigestCounts) => Object.values(c).every((n) => n === 0);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The lines of the digest, in Swedish (Frid's working language), one per count above zero. */
function lines(c: DigestCounts): string[] {
  return [
    c.dueSoon > 0 && `Du har ${plural(c.dueSoon, "ärende", "ärenden")} med sista dag inom 3 dagar.`,
    c.overdue > 0 && `${plural(c.overdue, "ärende har", "ärenden har")} något som är försenat.`,
    c.fresh > 0 && `${plural(c.fresh, "ny uppgift", "nya uppgifter")} i Att göra.`,
    c.barrierEvents > 0 &&
      `${plural(c.barrierEvents, "händelse", "händelser")} från partnerkontakt att kvittera.`,
    c.assigned > 0 && `${plural(c.assigned, "ärende har", "ärenden har")} tilldelats dig.`,
  ].filter((l): l is string => typeof l === "string");
}

/** Subject and text of the digest for the Swedish day `day` (YYYY-MM-DD). */
export function digestMail(c: DigestCounts, day: string, publicUrl: string) {
  const text = [
    `Sammanfattning från Frid ${day}:`,
    "",
    ...lines(c).map((l) => `- ${l}`),
    "",
    `Logga in i Frid för att se dem: ${publicUrl}`,
    "",
    "Meddelandet innehåller inga personuppgifter, bara antal.",
    "Du får det för att du har valt daglig sammanfattning. Du stänger av den under Mitt konto i Frid.",
  ].join("\n");
  return { subject: `Frid: sammanfattning ${day}`, text };
}
