import type { AssessmentSnapshot } from "../../src/shared/api/risk-conferences.ts";
import { dangerAssessment } from "../../src/shared/instruments/builtin/danger-assessment.ts";
import { computeScores } from "../../src/shared/instruments/engine.ts";
import { conferenceCriteria, countedLevel } from "../../src/shared/risk-conference-criteria.ts";
import { day, type GenCase } from "./cases.ts";
import type { Random } from "./random.ts";
import type { GenAgency } from "./registers.ts";
import type { RowBuffer } from "./row-buffer.ts";

/**
 * Multi-agency risk conferences (migrations 0068, 0094) as the yearly report counts them: for
 * a small share of adult victims' cases under investigation, a danger assessment found a high
 * risk (by its yes answers; the worker's judgement sometimes lower, which never lowers the
 * level counted); the case was referred a few days later on a secrecy-breaking rule, with the
 * assessment copied and the criteria computed as the application computes them; the
 * conference met two or three weeks after (with the police and others of the directory), agreed
 * actions owned by the unit's staff and followed them up. A closed case's conference met and
 * its actions were done before it closed; an open case's may still wait for its meeting, and
 * actions not yet due may be open.
 */
export interface ConferenceContext {
  r: Random;
  buf: RowBuffer;
  orgId: string;
  today: Date;
}

const share = 0.06;
const hour = 3_600_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** `t` moved on by `ms`, never past an hour before `end`, never before `t`. */
const later = (t: Date, ms: number, end: Date) =>
  new Date(Math.max(t.getTime(), Math.min(t.getTime() + ms, end.getTime() - hour)));

const yesNoItems = dangerAssessment.sections
  .flatMap((s) => s.items)
  .filter((i) => i.type === "yes_no_unknown")
  .map((i) => i.id);

const research: Record<GenAgency["kind"], string> = {
  police: "Två anmälningar om misshandel senaste året; kontaktförbud prövas.",
  voluntary_shelter: "Kvinnan har haft kontakt med jouren och vill ha stöd vid rättegången.",
  school: "Barnen har hög frånvaro; skolan vet vem som får hämta dem.",
  health_centre: "Vårdcentralen har journalfört skador vid två besök.",
};

const actionTexts = [
  "Uppdatera säkerhetsplanen tillsammans med klienten.",
  "Stödja klienten i ansökan om kontaktförbud.",
  "Informera skolan om vem som får hämta barnen.",
  "Utreda behovet av skyddat boende.",
  "Boka stödsamtal med klienten varje vecka.",
  "Ta upp trygghetslarm med polisen.",
] as const;

/** The danger assessment the referral rests on: completed, high by its answers. */
function assessment(x: ConferenceContext, c: GenCase, at: Date) {
  const { r } = x;
  const yes = new Set<string>();
  for (let n = r.between(8, 13); yes.size < n; ) yes.add(r.pick(yesNoItems));
  const answers = Object.fromEntries(yesNoItems.map((id) => [id, yes.has(id) ? "yes" : "no"]));
  const result = computeScores(dangerAssessment, answers);
  const judged = r.weighted([
    ["high", 55],
    ["very_high", 30],
    ["medium", 15],
  ] as const);
  const reasons = "Upprepat och grövre våld, kontroll och hot efter separationen.";
  const id = r.uuid();
  x.buf.add("assessment", [
    id,
    x.orgId,
    c.id,
    dangerAssessment.id,
    dangerAssessment.version,
    JSON.stringify(answers),
    isoDate(at),
    JSON.stringify(result),
    JSON.stringify({ risk: judged }),
    reasons,
    c.worker.id,
    at,
    at,
    at,
    c.worker.id,
  ]);
  const levels = {
    order: dangerAssessment.judgement.levels.map((l) => l.value),
    suggestedLevel: result.suggestedLevel,
    judgedLevel: judged,
  };
  const snapshot: AssessmentSnapshot = {
    assessmentId: id,
    instrument: {
      id: dangerAssessment.id,
      version: dangerAssessment.version,
      name: dangerAssessment.name,
    },
    assessedOn: isoDate(at),
    suggestedLevel: result.suggestedLevel,
    judgements: { risk: judged },
    countedLevel: countedLevel(levels),
    reasons,
    scores: result.scores.map((s) => ({ label: s.label, value: s.value })),
    flags: result.flags.map((f) => ({ label: f.label, raised: f.raised })),
    yesAnswers: dangerAssessment.sections
      .flatMap((s) => s.items)
      .filter((i) => yes.has(i.id))
      .map((i) => i.label),
  };
  return { snapshot, levels };
}

/**
 * When an action was done: in a closed case always, by its due day or the closing; in an open
 * one mostly by a week past its due day, some overdue still, and some not yet due already.
 */
function doneAt(r: Random, c: GenCase, agreed: Date, due: Date, end: Date): Date | null {
  const within = (until: number) => later(agreed, r.next() * (until - agreed.getTime()), end);
  if (c.closedAt) return within(Math.min(due.getTime(), end.getTime()));
  if (due < end) return r.chance(0.85) ? within(due.getTime() + 7 * day) : null;
  return r.chance(0.3) ? within(end.getTime()) : null;
}

/** The actions agreed at the meeting: done before a closed case closed; open ones only in open cases. */
function actions(x: ConferenceContext, c: GenCase, conferenceId: string, met: Date, end: Date) {
  const { r } = x;
  const staff = [c.worker, ...c.unit.workers.filter((w) => w.id !== c.worker.id)];
  const texts = new Set<string>();
  for (let n = r.between(2, 4); texts.size < n; ) texts.add(r.pick(actionTexts));
  for (const text of texts) {
    const agreed = later(met, 2 * hour, end);
    const due = new Date(met.getTime() + r.between(7, 30) * day);
    const done = doneAt(r, c, agreed, due, end);
    const owner = r.chance(0.6) ? c.worker : r.pick(staff);
    x.buf.add("risk_conference_action", [
      r.uuid(),
      x.orgId,
      conferenceId,
      c.id,
      text,
      owner.id,
      isoDate(due),
      done ? isoDate(done) : null,
      done ? "Klart; följt upp med klienten." : "",
      c.worker.id,
      agreed,
    ]);
  }
}

/** The agencies at the meeting: the police always, others of the directory now and then. */
function participants(
  x: ConferenceContext,
  c: GenCase,
  conferenceId: string,
  agencies: GenAgency[],
  chair: string,
  met: Date,
) {
  const { r } = x;
  const chance: Record<GenAgency["kind"], number> = {
    police: 1,
    voluntary_shelter: 0.7,
    health_centre: 0.4,
    school: 0.3,
  };
  for (const a of agencies)
    if (r.chance(chance[a.kind]))
      x.buf.add("risk_conference_agency", [
        r.uuid(),
        x.orgId,
        conferenceId,
        c.id,
        a.id,
        research[a.kind],
        chair,
        met,
      ]);
}

/** One case's conference: assessment, referral, meeting (when held), agencies, actions. */
function conference(x: ConferenceContext, c: GenCase, start: Date, agencies: GenAgency[]) {
  const { r } = x;
  const end = c.closedAt ?? x.today;
  const assessed = later(start, r.between(0, 10) * day + r.between(1, 8) * hour, end);
  const { snapshot, levels } = assessment(x, c, assessed);
  const referred = later(assessed, r.between(0, 5) * day + r.between(1, 6) * hour, end);
  const criteria = conferenceCriteria({
    today: isoDate(referred),
    assessment: {
      ...levels,
      assessedOn: snapshot.assessedOn,
      instrumentName: snapshot.instrument.name,
    },
    incidentDates: [],
    lastConferenceOn: null,
  });
  const planned = new Date(referred.getTime() + r.between(7, 21) * day);
  // A closed case's conference met before it closed; an open case's may not have met yet.
  const met = c.closedAt ? later(referred, planned.getTime() - referred.getTime(), end) : planned;
  const held = met.getTime() <= end.getTime() - hour;
  // Followed up four to eight weeks after the meeting; in a closed case before it closed.
  const k = r.between(28, 56) * day;
  const followUpOn = !held ? null : c.closedAt ? later(met, k, end) : new Date(met.getTime() + k);
  const chair = (c.unit.managers[0] ?? c.worker).id;
  const id = r.uuid();
  x.buf.add("risk_conference", [
    id,
    x.orgId,
    c.id,
    c.personId,
    isoDate(referred),
    c.worker.id,
    snapshot.assessmentId,
    JSON.stringify(snapshot),
    JSON.stringify(criteria),
    "Hon är rädd att han ska hitta henne efter separationen; polisen utreder ett brott.",
    r.weighted([
      ["prevent_violence_close_relative", 60],
      ["serious_crime", 40],
    ] as const),
    held ? isoDate(met) : null,
    held ? chair : null,
    `{${c.worker.id}}`,
    held ? "Riskbild och skyddsbehov; polisens åtgärder; boende; barnens skola." : "",
    followUpOn ? isoDate(followUpOn) : null,
    followUpOn && followUpOn < end ? "Åtgärderna följdes upp; riskbilden bedöms lägre." : "",
    referred,
  ]);
  if (!held) return;
  participants(x, c, id, agencies, chair, met);
  actions(x, c, id, met, end);
}

/** The organisation's risk conferences; the danger assessment's version stored once. */
export function writeConferences(
  x: ConferenceContext,
  cases: GenCase[],
  agencies: GenAgency[],
  start: Date,
) {
  if (agencies.length === 0) return;
  x.buf.add("instrument_version", [
    x.orgId,
    dangerAssessment.id,
    dangerAssessment.version,
    JSON.stringify(dangerAssessment),
    start,
  ]);
  for (const c of cases) {
    const investigated = c.path.find((s) => s.status === "investigation")?.at;
    if (c.type !== "adult_victim" || !investigated || !x.r.chance(share)) continue;
    conference(x, c, investigated, agencies);
  }
}
