import { between, day, drawPath, type GenCase } from "./cases.ts";
import { addPerson, type Person, type PersonContext } from "./people.ts";
import type { UnitStaff } from "./staff.ts";

/**
 * Treatment of people who use violence, and partner contact behind a barrier (migrations
 * 0020–0024): every perpetrator case has its treatment; about half cover a partner whose own
 * case, opened by the therapist on the partner-contact unit and worked there by someone
 * else, sits on the other side of a barrier (purpose partner_contact) with the partner row,
 * his consent and the contact details he gave on her side; some partners are not contacted
 * (an exception with its reason). Only structured events cross: "treatment started".
 */
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function treatmentRow(p: PersonContext, c: GenCase) {
  const started = c.path.find((s) => s.status === "implementation")?.at ?? null;
  const ended = c.closedAt;
  const endKind = ended
    ? ((
        { treatment_completed: "completed", treatment_dropped_out: "dropped_out" } as Record<
          string,
          string
        >
      )[c.closedReason ?? ""] ?? "ended_by_unit")
    : null;
  p.buf.add("treatment", [
    c.id,
    p.orgId,
    p.r.pick(["self", "social_services", "police_probation"] as const),
    isoDate(c.openedAt),
    ended ? "ended" : started ? "treatment" : "assessment",
    started ? isoDate(started) : null,
    ended ? isoDate(ended) : null,
    endKind,
    ended ? "Behandlingen avslutad enligt plan eller avbrott." : null,
    ended ? c.worker.id : null,
    isoDate(new Date(c.openedAt.getTime() + p.r.between(0, 14) * day)),
    c.worker.id,
    c.openedAt,
  ]);
  return started;
}

function exception(p: PersonContext, c: GenCase) {
  const kind = p.r.pick([
    "sheltered_housing",
    "abroad",
    "long_ended",
    "controlling_pattern",
  ] as const);
  p.buf.add("partner", [
    p.r.uuid(),
    p.orgId,
    c.id,
    p.r.pick(["current", "former"] as const),
    kind,
    "Teamet bedömer att kontakt inte ska tas med partnern.",
    kind === "controlling_pattern" ? isoDate(c.openedAt) : null,
    null,
    null,
    c.worker.id,
    c.openedAt,
  ]);
}

interface Side {
  treatment: GenCase;
  him: Person;
  partnerUnit: UnitStaff;
  today: Date;
}

/** Her case, on the partner-contact unit: opened by his therapist, worked by a colleague there. */
function partnerCase(p: PersonContext, s: Side): GenCase {
  const t = s.treatment;
  // Opened while his treatment case is open (before today, before it closed).
  const opened = new Date(
    Math.max(
      t.openedAt.getTime() + 60_000,
      Math.min(
        t.openedAt.getTime() + p.r.between(1, 21) * day,
        s.today.getTime() - 3_600_000,
        (t.closedAt?.getTime() ?? Number.POSITIVE_INFINITY) - 3_600_000,
      ),
    ),
  );
  const her = addPerson(p, "female", [18, 75], t.worker.id, opened);
  const drawn = drawPath(p.r, "partner_contact", opened, s.today);
  const closed = drawn.path.find((x) => x.status === "closed")?.at ?? null;
  return {
    id: p.r.uuid(),
    personId: her.id,
    unit: s.partnerUnit,
    type: "partner_contact",
    openedAt: opened,
    opener: t.worker,
    worker: p.r.pick(s.partnerUnit.workers),
    status: drawn.status,
    path: drawn.path,
    closedAt: closed,
    closedReason: drawn.closedReason,
  };
}

/** His treatment case, her partner case and the barrier between them. */
export interface PartnerPair {
  treatment: GenCase;
  her: GenCase;
  barrierId: string;
}

function partnerSide(p: PersonContext, s: Side, started: Date | null): PartnerPair {
  const t = s.treatment;
  const her = partnerCase(p, s);
  const barrierId = p.r.uuid();
  const partnerId = p.r.uuid();
  const relationship = p.r.pick(["current", "former"] as const);
  p.buf.add("barrier", [
    barrierId,
    p.orgId,
    t.id,
    her.id,
    "Partnerkontakt: informationsbarriär mellan ärendena",
    t.worker.id,
    her.openedAt,
    "partner_contact",
  ]);
  p.buf.add("partner", [
    partnerId,
    p.orgId,
    t.id,
    relationship,
    null,
    null,
    null,
    her.id,
    barrierId,
    t.worker.id,
    her.openedAt,
  ]);
  p.buf.add("partner_contact", [
    her.id,
    p.orgId,
    relationship,
    `070-174${String(p.r.int(10_000)).padStart(4, "0")}`,
    t.worker.id,
    her.openedAt,
  ]);
  p.buf.add("consent", [
    p.r.uuid(),
    p.orgId,
    t.id,
    null,
    partnerId,
    "partner_contact",
    `${s.him.givenName} ${s.him.familyName}`,
    "written",
    isoDate(her.openedAt),
    null,
    null,
    t.worker.id,
    her.openedAt,
  ]);
  if (started) {
    // Her worker acknowledged the notice within hours; the last two days' may still wait.
    const seen = started.getTime() < s.today.getTime() - 2 * day;
    p.buf.add("barrier_event", [
      p.r.uuid(),
      p.orgId,
      barrierId,
      t.id,
      her.id,
      "treatment_started",
      isoDate(started),
      null,
      t.worker.id,
      started,
      seen ? new Date(started.getTime() + 3 * 3_600_000) : null,
      seen ? her.worker.id : null,
    ]);
  }
  const attempted = between(p.r, her.openedAt, her.closedAt ?? s.today);
  p.buf.add("partner_contact_attempt", [
    p.r.uuid(),
    p.orgId,
    her.id,
    p.r.pick(["letter", "sms", "phone"] as const),
    isoDate(attempted),
    p.r.pick(["accepted", "declined", "not_reachable", "sent"] as const),
    her.worker.id,
    attempted,
  ]);
  return { treatment: t, her, barrierId };
}

export interface Treatments {
  /** The partner cases opened for them. */
  partnerCases: GenCase[];
  pairs: PartnerPair[];
  /** Treatments with neither a partner case nor an exception recorded. */
  withoutPartner: GenCase[];
}

/** Treatments for the perpetrator cases, and the partner side where there is one. */
export function writeTreatments(
  p: PersonContext,
  treatments: { c: GenCase; him: Person }[],
  partnerUnit: UnitStaff | undefined,
  today: Date,
): Treatments {
  const out: Treatments = { partnerCases: [], pairs: [], withoutPartner: [] };
  for (const { c, him } of treatments) {
    const started = treatmentRow(p, c);
    if (partnerUnit && out.pairs.length < partnerUnit.cases) {
      const pair = partnerSide(p, { treatment: c, him, partnerUnit, today }, started);
      out.pairs.push(pair);
      out.partnerCases.push(pair.her);
    } else if (p.r.chance(0.3)) exception(p, c);
    else out.withoutPartner.push(c);
  }
  return out;
}
