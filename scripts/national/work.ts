import { builtinInstruments } from "../../src/shared/instruments/builtin/index.ts";
import type { InstrumentDefinition } from "../../src/shared/instruments/definition.ts";
import { computeScores } from "../../src/shared/instruments/engine.ts";
import { between, type GenCase } from "./cases.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";

/**
 * The work in the cases: journal entries (about 0.6 a case; an open case's newest entry is
 * sometimes an unsigned draft), decisions on interventions once a case reached
 * implementation, and risk assessments (completed, some drafts) with an instrument version
 * stored per organisation, as the application stores it at first use.
 */
const day = 86_400_000;

const sentences = [
  "Samtal med klienten om situationen i hemmet.",
  "Klienten berättar att hon känner sig tryggare sedan förra veckan.",
  "Vi gick igenom säkerhetsplanen och uppdaterade kontaktuppgifterna.",
  "Telefonsamtal med skolkurator om barnets mående.",
  "Hembesök genomfört tillsammans med kollega.",
  "Klienten önskar stöd i kontakten med Försäkringskassan.",
  "Överenskommet att höras igen om två veckor.",
  "Barnen var närvarande en stund; de verkade lugna.",
  "Tolk deltog per telefon.",
  "Möte med polisen om pågående förundersökning.",
  "Klienten har fått information om skyddat boende och funderar.",
  "Behandlingssamtal: fokus på ansvarstagande och strategier vid ilska.",
] as const;

const entryTypes = [
  ["conversation", 5],
  ["phone", 3],
  ["home_visit", 1],
  ["meeting", 1],
  ["agency_consultation", 1],
  ["other", 1],
] as const;

function body(r: Random): string {
  const n = r.between(1, 4);
  return Array.from({ length: n }, () => r.pick(sentences)).join(" ");
}

function journal(buf: RowBuffer, r: Random, orgId: string, c: GenCase, today: Date) {
  const n = r.weighted([
    [0, 62],
    [1, 20],
    [2, 10],
    [3, 8],
  ] as const);
  const end = c.closedAt ?? today;
  const times = Array.from({ length: n }, () => between(r, c.openedAt, end)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  times.forEach((occurred, i) => {
    const written = new Date(
      Math.min(occurred.getTime() + r.between(10, 600) * 60_000, today.getTime()),
    );
    const draft = !c.closedAt && i === n - 1 && r.chance(0.2);
    const signed = draft ? null : new Date(Math.min(written.getTime() + 60_000, today.getTime()));
    buf.add("journal_entry", [
      r.uuid(),
      orgId,
      c.id,
      c.worker.id,
      r.weighted(entryTypes),
      occurred,
      written,
      signed ?? written,
      body(r),
      signed,
    ]);
  });
}

const interventions = {
  adult_victim: [
    "sheltered_housing",
    "emergency_flat",
    "other_housing",
    "financial_aid",
    "support_talks",
    "protected_data_help",
    "authority_support",
  ],
  child: [
    "support_talks",
    "trauma_talks",
    "contact_person",
    "parenting_support",
    "sheltered_housing",
  ],
} as const;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A decision as the plans and placements that follow it need it. */
export interface GenDecision {
  id: string;
  c: GenCase;
  kind: string;
  outcome: "granted" | "partly_granted" | "denied";
  at: Date;
  /** The period, YYYY-MM-DD, when granted. */
  from: string | null;
  to: string | null;
}

function decision(buf: RowBuffer, r: Random, orgId: string, c: GenCase): GenDecision | null {
  if (c.type !== "adult_victim" && c.type !== "child") return null;
  const at = c.path.find((s) => s.status === "implementation")?.at;
  if (!at) return null;
  const outcome = r.weighted([
    ["granted", 85],
    ["partly_granted", 8],
    ["denied", 7],
  ] as const);
  const from = outcome === "denied" ? null : at;
  const d: GenDecision = {
    id: r.uuid(),
    c,
    kind: r.pick(interventions[c.type]),
    outcome,
    at,
    from: from ? isoDate(from) : null,
    to: from ? isoDate(new Date(from.getTime() + r.between(30, 365) * day)) : null,
  };
  buf.add("decision", [
    d.id,
    orgId,
    c.id,
    d.kind,
    outcome,
    d.from,
    d.to,
    "Behovet av insatsen är utrett och bedöms skäligt utifrån klientens situation.",
    outcome === "granted"
      ? null
      : "Beslutet kan överklagas till förvaltningsrätten inom tre veckor.",
    c.worker.id,
    at,
  ]);
  return d;
}

export interface Instrument {
  def: InstrumentDefinition;
  result: string;
}

/** The instrument the generated assessments use, stored once per organisation. */
export function storeInstrument(buf: RowBuffer, orgId: string, at: Date): Instrument {
  const def =
    builtinInstruments.find((d) => d.id === "violence_screening") ?? builtinInstruments[0];
  if (!def) throw new Error("no built-in instrument");
  buf.add("instrument_version", [orgId, def.id, def.version, JSON.stringify(def), at]);
  return { def, result: JSON.stringify(computeScores(def, {})) };
}

function assessment(
  buf: RowBuffer,
  r: Random,
  orgId: string,
  c: GenCase,
  ins: Instrument,
  today: Date,
) {
  if (!(ins.def.caseTypes as readonly string[]).includes(c.type) || !r.chance(0.25)) return;
  const at = between(r, c.openedAt, c.closedAt ?? today);
  const draft = !c.closedAt && r.chance(0.15);
  const judgements = Object.fromEntries(
    ins.def.judgement.dimensions.map((d) => [d.value, r.pick(ins.def.judgement.levels).value]),
  );
  buf.add("assessment", [
    r.uuid(),
    orgId,
    c.id,
    ins.def.id,
    ins.def.version,
    "{}",
    isoDate(at),
    draft ? null : ins.result,
    draft ? null : JSON.stringify(judgements),
    draft ? null : "Bedömningen grundas på samtal med klienten och uppgifter från polisen.",
    c.worker.id,
    at,
    at,
    draft ? null : at,
    draft ? null : c.worker.id,
  ]);
}

export function writeWork(
  buf: RowBuffer,
  r: Random,
  orgId: string,
  cases: GenCase[],
  ins: Instrument,
  today: Date,
): GenDecision[] {
  const decisions: GenDecision[] = [];
  for (const c of cases) {
    journal(buf, r, orgId, c, today);
    const d = decision(buf, r, orgId, c);
    if (d) decisions.push(d);
    assessment(buf, r, orgId, c, ins, today);
  }
  return decisions;
}
