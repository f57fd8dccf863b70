import { adultSections, childSections } from "../../src/shared/api/investigation.ts";
import { between, day, type GenCase, type Status } from "./cases.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";

/**
 * How a case came in and was worked up to a decision (migrations 0005, 0007, 0009, 0012,
 * 0018, 0021): the intake (a child's case mostly from a report of concern, an adult's mostly
 * an application), a child's protection assessment the same day (some late, the last
 * fortnight's sometimes still waiting), the preliminary assessment's decision, the
 * investigation with, for an adult, whether children witnessed violence (then the task to
 * assess them) and some reports of concern about the children; extensions of children's
 * investigations that ran past four months; safety plans with their versions. Open cases
 * have open work, closed ones done work; every author is the case's worker or its unit's
 * manager.
 */
export interface ProcessContext {
  r: Random;
  buf: RowBuffer;
  orgId: string;
  orgName: string;
  today: Date;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const hour = 3_600_000;
/** A moment after `t`, never after `end` (the case's close or today). */
const after = (t: Date, ms: number, end: Date) =>
  new Date(Math.max(t.getTime(), Math.min(t.getTime() + ms, end.getTime() - 60_000)));
const endOf = (c: GenCase, today: Date) => c.closedAt ?? today;
const reached = (c: GenCase, s: Status) => c.path.find((x) => x.status === s)?.at ?? null;
/** When the case left status s (the next step's time), if it did. */
function left(c: GenCase, s: Status): Date | null {
  const i = c.path.findIndex((x) => x.status === s);
  return i >= 0 ? (c.path[i + 1]?.at ?? null) : null;
}

const sources = {
  report: [
    ["police", 40],
    ["school", 18],
    ["health_care", 15],
    ["other_authority", 12],
    ["ngo", 5],
    ["anonymous", 5],
    ["other", 5],
  ],
  application: [
    ["the_person", 80],
    ["other_authority", 10],
    ["ngo", 6],
    ["health_care", 4],
  ],
} as const;

function intakeKind(r: Random, c: GenCase) {
  if (c.type === "child") return r.chance(0.92) ? "report_of_concern" : "application";
  if (c.type === "adult_victim") return r.chance(0.25) ? "report_of_concern" : "application";
  return "application";
}

/** The intake that opened the case; returns its id when a child's report needs assessing. */
function intake(x: ProcessContext, c: GenCase): { id: string; at: Date } | null {
  const { r } = x;
  const kind = intakeKind(r, c);
  const id = r.uuid();
  const received = new Date(c.openedAt.getTime() - r.between(0, 180) * 60_000);
  const adult = c.type !== "child";
  const interpreter = r.chance(0.07);
  x.buf.add("intake", [
    id,
    x.orgId,
    c.unit.id,
    c.personId,
    c.id,
    r.weighted(kind === "application" ? sources.application : sources.report),
    r.weighted([
      ["phone", 50],
      ["digital", 20],
      ["visit", 12],
      ["letter", 8],
      ["email", 10],
    ] as const),
    received,
    kind,
    adult,
    adult ? "Berättar om hot, kontroll och våld från en närstående." : null,
    interpreter,
    interpreter ? r.pick(["arabiska", "somaliska", "persiska", "tigrinja", "polska"]) : null,
    c.type === "adult_victim"
      ? r.weighted([
          [0, 45],
          [1, 25],
          [2, 20],
          [3, 10],
        ] as const)
      : null,
    c.opener.id,
    c.openedAt,
  ]);
  return c.type === "child" && kind === "report_of_concern" ? { id, at: received } : null;
}

/** Assessed the same day as a rule, some days late; the last fortnight's may still wait. */
function protection(x: ProcessContext, c: GenCase, report: { id: string; at: Date }) {
  const { r, today } = x;
  const recent = !c.closedAt && today.getTime() - c.openedAt.getTime() < 14 * day;
  if (recent && c.status === "intake" && r.chance(0.5)) return;
  const late = r.chance(0.06);
  const at = after(report.at, late ? r.between(1, 5) * day : r.between(10, 120) * 60_000, today);
  const urgent = r.chance(0.12);
  x.buf.add("protection_assessment", [
    r.uuid(),
    x.orgId,
    c.id,
    report.id,
    urgent,
    urgent
      ? "Barnet bedöms behöva omedelbart skydd; placering och polis kontaktade samma dag."
      : "Barnet bedöms inte behöva omedelbart skydd; förälder skyddar och samarbetar.",
    c.worker.id,
    at,
  ]);
}

function preliminary(x: ProcessContext, c: GenCase) {
  const decided = left(c, "preliminary_assessment");
  if (c.type !== "child" || !decided) return;
  const open = reached(c, "investigation") !== null;
  x.buf.add("preliminary_decision", [
    x.r.uuid(),
    x.orgId,
    c.id,
    open,
    open
      ? "Uppgifterna i anmälan är allvarliga; utredning inleds."
      : "Uppgifterna föranleder inte utredning; familjen har fått information om stöd.",
    c.worker.id,
    decided,
  ]);
}

/** The investigation as last saved; for an adult, whether the children witnessed violence. */
function investigation(x: ProcessContext, c: GenCase): boolean | null {
  const { r, today } = x;
  const started = reached(c, "investigation");
  if (!started) return null;
  const completed = left(c, "investigation");
  const keys = c.type === "child" ? childSections : adultSections;
  const sections = Object.fromEntries(
    keys
      .slice(0, completed ? keys.length : r.between(1, keys.length))
      .map((k) => [k, "Uppgifter från samtal med klienten och från andra myndigheter."]),
  );
  const witnessed =
    c.type === "adult_victim" && (completed || r.chance(0.5)) ? r.chance(0.4) : null;
  const saved = completed ?? between(r, started, endOf(c, today));
  x.buf.add("investigation", [
    c.id,
    x.orgId,
    JSON.stringify(sections),
    witnessed,
    completed ? "Utredningen visar ett behov av skydd och stöd." : "",
    completed ? "Insatser bedöms nödvändiga för att tillgodose behovet." : "",
    completed,
    completed ? c.worker.id : null,
    saved,
    c.worker.id,
  ]);
  if (witnessed) childrenTask(x, c, saved);
  return witnessed;
}

const task = (x: ProcessContext, c: GenCase, kind: string, at: Date, rest: unknown[]) =>
  x.buf.add("case_task", [
    x.r.uuid(),
    x.orgId,
    c.id,
    kind,
    c.worker.id,
    at,
    ...(rest as (string | Date | null)[]),
  ]);

/** Children who witnessed violence: assessed (a report to Barn och unga) within days. */
function childrenTask(x: ProcessContext, c: GenCase, found: Date) {
  const done = c.closedAt !== null || x.r.chance(0.85);
  const at = after(found, x.r.between(1, 72) * hour, endOf(c, x.today));
  task(x, c, "assess_children_witnessed_violence", found, [
    done ? at : null,
    done ? c.worker.id : null,
    done ? "Orosanmälan om barnen gjord till Barn och unga." : null,
    null,
    null,
    null,
    null,
    null,
  ]);
}

/** A concern for the children raised in an adult's case, reported or still to report. */
function concern(x: ProcessContext, c: GenCase) {
  if (c.type !== "adult_victim" || !x.r.chance(0.08)) return;
  const raised = between(x.r, c.openedAt, endOf(c, x.today));
  const done = c.closedAt !== null || x.r.chance(0.7);
  const on = after(raised, x.r.between(1, 48) * hour, endOf(c, x.today));
  task(x, c, "report_child_concern", raised, [
    done ? on : null,
    done ? c.worker.id : null,
    done ? "Anmälan skickad." : null,
    null,
    "Barnen har sett pappan slå mamman och är rädda att gå hem.",
    done ? isoDate(on) : null,
    done ? `Barn och unga, ${x.orgName}` : null,
    done ? `BoU-${x.r.between(1000, 9999)}` : null,
  ]);
}

/** A child's investigation past four months: the manager's decided extension. */
function extension(x: ProcessContext, c: GenCase) {
  const started = reached(c, "investigation");
  if (c.type !== "child" || !started) return;
  const end = left(c, "investigation") ?? x.today;
  const months4 = 122 * day;
  if (end.getTime() - started.getTime() < months4 - 14 * day) return;
  if (!x.r.chance(0.8)) return;
  // Decided before the four months ran out, and before the investigation ended (or today).
  const decided = new Date(
    Math.min(started.getTime() + months4 - x.r.between(3, 14) * day, end.getTime() - hour),
  );
  x.buf.add("investigation_extension", [
    x.r.uuid(),
    x.orgId,
    c.id,
    isoDate(new Date(started.getTime() + months4 + x.r.between(30, 90) * day)),
    "Särskilda skäl: barnpsykiatrins bedömning väntas och behövs för utredningen.",
    (c.unit.managers[0] ?? c.worker).id,
    decided,
  ]);
}

const measures = [
  ["safe_place", "Skyddat boende eller plats att ta sig till vid akut fara."],
  ["code_word", "Kodord med syster som betyder att hon ska ringa polisen."],
  ["emergency_phone", "Nödtelefon med förprogrammerade nummer."],
  ["safety_alarm", "Trygghetslarm via polisen."],
  ["trusted_people", "Två vänner vet om situationen och kan hämta barnen."],
  ["school_informed", "Skolan informerad om vem som får hämta barnen."],
] as const;

/** An adult's safety plan: one to three versions while the case is worked. */
function safetyPlan(x: ProcessContext, c: GenCase) {
  const { r } = x;
  if (c.type !== "adult_victim" || c.path.length === 0 || !r.chance(0.55)) return;
  const versions = r.weighted([
    [1, 55],
    [2, 30],
    [3, 15],
  ] as const);
  const times = Array.from({ length: versions }, () =>
    between(r, c.openedAt, endOf(c, x.today)),
  ).sort((a, b) => a.getTime() - b.getTime());
  times.forEach((at, i) => {
    const list = Array.from({ length: r.between(2, 4) }, () => {
      const [kind, description] = r.pick(measures);
      const status = c.closedAt ? "ended" : r.pick(["planned", "in_place", "in_place"]);
      const reviewOn = isoDate(new Date(at.getTime() + 30 * day));
      return {
        kind,
        description,
        forWhom: "Klienten",
        responsible: "Handläggaren",
        status,
        reviewOn,
      };
    });
    x.buf.add("safety_plan_version", [
      r.uuid(),
      x.orgId,
      c.id,
      i + 1,
      JSON.stringify(list),
      c.worker.id,
      at,
    ]);
  });
}

/** Everything from intake to decision, for the organisation's cases (not partner cases). */
export function writeProcess(x: ProcessContext, cases: GenCase[]) {
  for (const c of cases) {
    if (c.type === "partner_contact") continue;
    const report = intake(x, c);
    if (report) protection(x, c, report);
    preliminary(x, c);
    investigation(x, c);
    extension(x, c);
    concern(x, c);
    safetyPlan(x, c);
  }
}
