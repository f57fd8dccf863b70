import { addDays, addMonths } from "../../src/shared/calendar.ts";
import { between, day, type GenCase } from "./cases.ts";
import type { ProcessContext } from "./process.ts";
import type { PartnerPair, Treatments } from "./treatment.ts";

/**
 * The treatment's own record and what crosses the barrier after the start (migrations
 * 0020–0021): sessions held (some cancelled or missed), his refusal of partner contact where
 * no partner is covered, a risk alert now and then (its reason stays on his side), and the
 * end of treatment crossing to her case with the two tasks the crossing brings (a closing
 * conversation within a week, a follow-up six months on). The tasks are written with ids
 * from the seed before the events load, so the trigger that would make them adds nothing.
 */
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const hour = 3_600_000;

function sessions(x: ProcessContext, c: GenCase) {
  const started = c.path.find((s) => s.status === "implementation")?.at;
  if (!started) return;
  const end = c.closedAt ?? x.today;
  const n = Math.min(
    Math.floor((end.getTime() - started.getTime()) / (7 * day)),
    x.r.between(4, 12),
  );
  const times = Array.from({ length: Math.max(0, n) }, () => between(x.r, started, end)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  for (const at of times)
    x.buf.add("treatment_session", [
      x.r.uuid(),
      x.orgId,
      c.id,
      isoDate(at),
      x.r.weighted([
        ["attended", 80],
        ["cancelled", 12],
        ["no_show", 8],
      ] as const),
      c.worker.id,
      at,
    ]);
}

function refusal(x: ProcessContext, c: GenCase) {
  if (!x.r.chance(0.2)) return;
  const refused = new Date(
    Math.min(c.openedAt.getTime() + x.r.between(1, 10) * day, (c.closedAt ?? x.today).getTime()),
  );
  const cont = x.r.chance(0.7);
  x.buf.add("partner_contact_refusal", [
    c.id,
    x.orgId,
    isoDate(refused),
    isoDate(refused),
    cont,
    cont
      ? "Teamet bedömer att behandlingen kan fortsätta trots att han inte samtycker."
      : "Utan partnerkontakt kan behandlingen inte bedrivas säkert; den avslutas.",
    c.worker.id,
    refused,
  ]);
}

interface Crossing {
  pair: PartnerPair;
  kind: "treatment_completed" | "treatment_interrupted" | "risk_alert";
  at: Date;
  level?: "medium" | "high" | "very_high";
}

function event(x: ProcessContext, e: Crossing): string {
  const { treatment: t, her } = e.pair;
  const id = x.r.uuid();
  const seen = e.at.getTime() < x.today.getTime() - 2 * day;
  x.buf.add("barrier_event", [
    id,
    x.orgId,
    e.pair.barrierId,
    t.id,
    her.id,
    e.kind,
    isoDate(e.at),
    e.level ?? null,
    t.worker.id,
    e.at,
    seen ? new Date(e.at.getTime() + 2 * hour) : null,
    seen ? her.worker.id : null,
  ]);
  return id;
}

/** A task the end of his treatment brings to her case: done when her case closed, often before. */
function partnerTask(x: ProcessContext, her: GenCase, kind: string, from: Date, dueOn: string) {
  const due = new Date(`${dueOn}T12:00:00Z`);
  const done = her.closedAt !== null || (due < x.today && x.r.chance(0.8));
  const doneAt = done
    ? new Date(Math.max(from.getTime(), between(x.r, from, her.closedAt ?? x.today).getTime()))
    : null;
  x.buf.add("case_task", [
    x.r.uuid(),
    x.orgId,
    her.id,
    kind,
    null,
    from,
    doneAt,
    doneAt ? her.worker.id : null,
    doneAt ? "Samtal med partnern genomfört." : null,
    dueOn,
    null,
    null,
    null,
    null,
  ]);
}

function crossings(x: ProcessContext, pair: PartnerPair) {
  const { treatment: t, her } = pair;
  const started = t.path.find((s) => s.status === "implementation")?.at;
  const stillOpen = (at: Date) => at > her.openedAt && (!her.closedAt || her.closedAt > at);
  if (started && x.r.chance(0.04)) {
    const at = between(x.r, started, t.closedAt ?? x.today);
    if (stillOpen(at)) {
      const level = x.r.pick(["medium", "high", "very_high"] as const);
      const id = event(x, { pair, kind: "risk_alert", at, level });
      x.buf.add("risk_alert_reason", [
        id,
        x.orgId,
        t.id,
        "Han uttrycker hot mot partnern i samtal och har druckit.",
      ]);
    }
  }
  if (!t.closedAt || !stillOpen(t.closedAt)) return;
  const completed = t.closedReason === "treatment_completed";
  const on = isoDate(t.closedAt);
  partnerTask(x, her, "partner_closing_conversation", t.closedAt, addDays(on, 7));
  partnerTask(x, her, "partner_follow_up", t.closedAt, addMonths(on, 6));
  event(x, {
    pair,
    kind: completed ? "treatment_completed" : "treatment_interrupted",
    at: t.closedAt,
  });
}

export function writeTreatmentWork(x: ProcessContext, perpetrators: GenCase[], t: Treatments) {
  for (const c of perpetrators) sessions(x, c);
  for (const c of t.withoutPartner) refusal(x, c);
  for (const pair of t.pairs) crossings(x, pair);
}
