import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/server/db/types.ts";
import type { Seeded } from "./seed.ts";

/**
 * Journal entries for bench:journal-search: fictional, Swedish-like notes of the kinds a
 * unit writes (conversations, home visits, calls, meetings), made of sentences drawn from a
 * fixed vocabulary by a seeded generator, so each run has the same text and the same word
 * frequencies: common words (samtal, barnen), rarer ones (tandläkaren, körkort).
 */

/** mulberry32: small, seedable. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick };
}

const who = ["Klienten", "Hon", "Han", "Mamman", "Pappan", "Barnet", "Kontaktpersonen"];
const verbs = [
  "berättade om",
  "beskrev",
  "ville prata om",
  "oroade sig för",
  "tog upp",
  "nämnde",
  "förnekade",
];
const topics = [
  "våldet i hemmet",
  "hoten från den före detta partnern",
  "barnens skolgång",
  "situationen på boendet",
  "kontakten med polisen",
  "ekonomin och hyran",
  "sömnsvårigheter och oro",
  "umgänget med barnen",
  "ett våldsamt gräl i helgen",
  "behovet av skyddat boende",
  "kontakten med förskolan",
  "läkarbesöket på vårdcentralen",
  "arbetet och sjukskrivningen",
  "en ny lägenhet",
  "tandläkaren och en trasig tand",
  "körkortet och resor till jobbet",
];
const follow = [
  "Vi kom överens om ett nytt samtal nästa vecka.",
  "Handläggaren informerade om möjligheten till stödsamtal.",
  "Säkerhetsplanen gicks igenom och uppdaterades.",
  "Hembesöket genomfördes tillsammans med en kollega.",
  "Ärendet lyfts på nästa ärendedragning.",
  "En orosanmälan skickades till barn och unga.",
  "Klienten fick information om polisanmälan.",
  "Tolk deltog via telefon.",
  "Barnen var hemma och verkade trygga.",
  "Uppföljning sker om två veckor.",
];

/** One note: two to five sentences about what was said, and what follows. */
export function journalText(r: ReturnType<typeof seeded>): string {
  const sentences: string[] = [];
  const n = 2 + Math.floor(r.next() * 4);
  for (let i = 0; i < n; i++) sentences.push(`${r.pick(who)} ${r.pick(verbs)} ${r.pick(topics)}.`);
  sentences.push(r.pick(follow));
  if (r.next() < 0.5) sentences.push(r.pick(follow));
  return sentences.join(" ");
}

const entryTypes = ["conversation", "home_visit", "phone", "meeting", "other"] as const;

/**
 * `count` signed entries spread evenly over the seeded organisation's cases, written by the
 * seeded caseworker over the past three years, in batches; then ANALYZE, as autovacuum would.
 */
export async function fillJournals(owner: Kysely<Database>, seededOrg: Seeded, count: number) {
  const r = seeded(20261205);
  const { caseIds, actor } = seededOrg;
  const now = Date.now();
  const batch = 1000;
  for (let from = 0; from < count; from += batch) {
    const rows = Array.from({ length: Math.min(batch, count - from) }, (_, k) => {
      const occurred = new Date(now - Math.floor(r.next() * 3 * 365 * 86_400_000));
      return {
        id: randomUUID(),
        org_id: actor.orgId,
        case_id: caseIds[(from + k) % caseIds.length] as string,
        author_id: actor.userId,
        entry_type: r.pick(entryTypes),
        occurred_at: occurred,
        written_at: occurred,
        body: journalText(r),
        signed_at: occurred,
      };
    });
    await owner.insertInto("journal_entry").values(rows).execute();
  }
  await sql`analyze journal_entry`.execute(owner);
}

/**
 * The worker keeps `kept` cases (the organisation's others are colleagues' cases, which the
 * search must pass over): the other assignments are ended, as a reassignment would.
 */
export async function keepCases(owner: Kysely<Database>, seededOrg: Seeded, kept: number) {
  const ended = seededOrg.caseIds.slice(kept);
  for (let i = 0; i < ended.length; i += 1000)
    await owner
      .updateTable("case_assignment")
      .set({ unassigned_at: new Date(), unassigned_by: seededOrg.actor.userId })
      .where("case_id", "in", ended.slice(i, i + 1000))
      .execute();
  await sql`analyze case_assignment`.execute(owner);
}
