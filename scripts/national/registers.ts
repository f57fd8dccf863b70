import { between, day, type GenCase } from "./cases.ts";
import { femaleNames, maleNames } from "./names.ts";
import type { Random } from "./random.ts";
import type { RowBuffer, Value } from "./row-buffer.ts";
import type { UnitKey } from "./shape.ts";
import type { UnitStaff, Worker } from "./staff.ts";

/**
 * The work the yearly report counts outside cases (migrations 0056, 0059, 0063, 0064):
 * service contacts (courses of advice and support at IFO Vuxen, some for a client of a
 * case, most for someone named by first name or not at all), the crisis centre's
 * consultations to other professionals, the competence register (trainings with their
 * participants, supervision, study visits) and collaboration agreements with the police,
 * the women's shelter and others, followed up within 24 months (some now overdue). Volumes
 * follow the organisation's size; everything lies in the ten years before today.
 */
export interface RegisterContext {
  r: Random;
  buf: RowBuffer;
  orgId: string;
  orgName: string;
  units: Map<UnitKey, UnitStaff>;
  admin: Worker;
  start: Date;
  today: Date;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, n: number) => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + n);
  return x;
};
const staffOf = (u: UnitStaff) => [...u.workers, ...u.managers];

/** A moment in the ten years, more often recent, as cases are opened. */
const recent = (x: RegisterContext) =>
  new Date(
    x.today.getTime() -
      Math.max(day / 4, (x.today.getTime() - x.start.getTime() - 30 * day) * x.r.next() ** 1.4),
  );

const topics = [
  "Frågor om skyddat boende",
  "Råd inför polisanmälan",
  "Stöd i kontakt med Försäkringskassan",
  "Oro för barnens situation",
  "Ekonomiskt våld",
] as const;

/** One course and its contacts, by the unit's staff, inside the course's life. */
function course(x: RegisterContext, u: UnitStaff, adults: GenCase[]) {
  const { r } = x;
  const id = r.uuid();
  const client = adults.length > 0 && r.chance(0.15) ? r.pick(adults) : null;
  // A client's course runs while her case does; the others at any time.
  const opened = client ? between(r, client.openedAt, client.closedAt ?? x.today) : recent(x);
  const kind = client ? "identified" : r.chance(0.6) ? "first_name" : "anonymous";
  const female = r.chance(0.8);
  const child = kind !== "identified" && r.chance(0.08);
  const responsible = r.pick(u.workers);
  const contacts = r.weighted([
    [1, 45],
    [2, 25],
    [3, 15],
    [5, 10],
    [8, 5],
  ] as const);
  const last = new Date(
    Math.min(opened.getTime() + contacts * 14 * day, x.today.getTime() - 60_000),
  );
  const closed = last.getTime() < x.today.getTime() - 60 * day ? last : null;
  x.buf.add("service_course", [
    id,
    x.orgId,
    u.id,
    kind,
    client ? client.personId : null,
    kind === "first_name" ? r.pick(female ? femaleNames : maleNames) : null,
    kind === "first_name"
      ? opened.getUTCFullYear() - (child ? r.between(8, 17) : r.between(19, 70))
      : null,
    female ? "female" : "male",
    child,
    responsible.id,
    responsible.id,
    opened,
    closed,
  ]);
  for (let i = 0; i < contacts; i++) {
    const referred = r.chance(0.12);
    const worker = r.pick(staffOf(u));
    const at = i === 0 ? opened : between(r, opened, last);
    x.buf.add("service_contact", [
      r.uuid(),
      x.orgId,
      id,
      r.weighted([
        ["phone_advice", 50],
        ["counselling_visit", 30],
        ["authority_support", 15],
        ["group_session", 5],
      ] as const),
      r.weighted([
        ["phone", 50],
        ["visit", 30],
        ["video", 8],
        ["chat", 7],
        ["email", 5],
      ] as const),
      at,
      r.pick([15, 30, 45, 60, 90]),
      worker.id,
      `{${r.pick(["physical", "psychological", "economic", "psychological,physical"])}}`,
      r.pick(topics),
      referred ? "referred" : r.chance(0.3) ? "none" : "advice_given",
      referred ? r.pick(["Kvinnojouren", "Polisen", "Vårdcentralen"]) : null,
      worker.id,
      at,
    ]);
  }
}

/** Service contacts: about one course per seven cases of IFO Vuxen. */
function serviceContacts(x: RegisterContext, cases: GenCase[]) {
  const u = x.units.get("vuxen");
  if (!u) return;
  const adults = cases.filter((c) => c.unit.id === u.id);
  for (let n = Math.max(2, Math.round(u.cases / 7)); n > 0; n--) course(x, u, adults);
}

/** The crisis centre's consultations to other professionals: about one per twenty of its cases. */
function consultations(x: RegisterContext) {
  const u = x.units.get("behandling");
  if (!u) return;
  const { r } = x;
  for (let n = Math.max(2, Math.round(u.cases / 20)); n > 0; n--) {
    const at = recent(x);
    const planned = r.chance(0.2);
    const worker = r.pick(staffOf(u));
    x.buf.add("consultation", [
      r.uuid(),
      x.orgId,
      u.id,
      at,
      r.weighted([
        ["school", 35],
        ["social_services", 30],
        ["health_care", 15],
        ["police", 10],
        ["other", 10],
      ] as const),
      r.chance(0.8) ? x.orgName : "Grannkommunen",
      r.pick(["Skolkurator", "Socialsekreterare", "Sjuksköterska", "Polis"]),
      `{${r.pick(["honour_related_violence", "risk_assessment", "protection", "lvu_investigation", "other"])}}`,
      r.pick(["before_report", "at_report", "during_investigation", "after"]),
      r.pick([15, 20, 30, 45, 60]),
      "Hur bedömer vi risken när eleven berättar om hot hemma?",
      planned ? "planned" : "none",
      planned ? isoDate(new Date(at.getTime() + 14 * day)) : null,
      worker.id,
      worker.id,
      at,
    ]);
  }
}

/** The competence register: a few trainings a year (more in a larger organisation), supervision and visits. */
function competence(x: RegisterContext, cases: number) {
  const { r } = x;
  const perYear = Math.max(2, Math.round(cases / 2_000));
  for (let y = new Date(x.start); y < x.today; y = addMonths(y, 12))
    for (let n = 0; n < perYear; n++) {
      const on = new Date(Math.min(y.getTime() + r.int(365) * day, x.today.getTime() - day));
      const id = r.uuid();
      const joint = r.chance(0.3);
      x.buf.add("training", [
        id,
        x.orgId,
        r.pick(["course", "joint_day", "other"]),
        r.pick(["Våld i nära relationer – grundkurs", "FREDA-utbildning", "Hedersrelaterat våld"]),
        isoDate(on),
        r.between(1, 3),
        r.pick([3, 6, 7.5, 15]),
        r.pick(["Länsstyrelsen", "Kriscentrum", "NCK"]),
        joint ? "{police,health_care}" : "{}",
        x.admin.id,
        on,
      ]);
      for (let k = r.between(1, 3); k > 0; k--)
        x.buf.add("training_participants", [
          r.uuid(),
          x.orgId,
          id,
          r.pick(["Socialtjänsten", "Polisen", "Vårdcentralen", "Skolan"]),
          r.between(3, 40),
        ]);
      x.buf.add("supervision_session", [
        r.uuid(),
        x.orgId,
        isoDate(on),
        r.pick(["IFO Vuxen", "Barn och unga", "Kriscentrum"]),
        r.pick([1.5, 2, 3]),
        "Extern handledare",
        x.admin.id,
        on,
      ]);
      if (r.chance(0.3))
        x.buf.add("study_visit", [
          r.uuid(),
          x.orgId,
          isoDate(on),
          "Grannkommunens socialtjänst",
          r.between(2, 15),
          x.admin.id,
          on,
        ]);
    }
}

const agencies = [
  ["police", "Polisen"],
  ["voluntary_shelter", "Kvinnojouren"],
  ["school", "Grundskolan"],
  ["health_centre", "Vårdcentralen"],
] as const;

/** An agency of the organisation's directory, as a risk conference's participants need it. */
export interface GenAgency {
  id: string;
  kind: (typeof agencies)[number][0];
}

/**
 * Agreements with the agencies: signed some years ago, followed up every 12–24 months (the
 * last due date sometimes passed). Returns the agencies.
 */
function agreements(x: RegisterContext): GenAgency[] {
  const { r } = x;
  const unit = x.units.get("vuxen");
  if (!unit) return [];
  const ids = agencies.map(([kind, name]) => {
    const id = r.uuid();
    x.buf.add("agency", [
      id,
      x.orgId,
      kind,
      `${name} ${x.orgName}`,
      x.orgName,
      x.admin.id,
      x.admin.id,
      x.start,
    ]);
    return id;
  });
  agencies.forEach(([kind], i) => {
    if (kind !== "police" && kind !== "voluntary_shelter" && !r.chance(0.5)) return;
    const id = r.uuid();
    const signed = new Date(x.start.getTime() + r.int(2_500) * day);
    let last: Date | null = null;
    let next = addMonths(signed, r.between(12, 24));
    const rows: Value[][] = [];
    // Followed up when due (a week or two early), while that was before today; some lapse.
    while (next < x.today && r.chance(0.9)) {
      const on: Date = new Date(next.getTime() - r.between(0, 14) * day);
      last = on;
      next = addMonths(on, r.between(12, 24));
      rows.push([
        r.uuid(),
        x.orgId,
        id,
        isoDate(on),
        "Samverkan fungerar; rutinen för orosanmälan ses över.",
        isoDate(next),
        x.admin.id,
        on,
      ]);
    }
    x.buf.add("agreement", [
      id,
      x.orgId,
      unit.id,
      `Överenskommelse om samverkan – ${agencies[i]?.[1]}`,
      kind === "school"
        ? "{reports_of_concern,children_witnessed_violence}"
        : "{protected_personal_data,out_of_hours}",
      "Snabb och säker samverkan kring personer utsatta för våld.",
      isoDate(signed),
      last ? isoDate(last) : null,
      isoDate(next),
      x.admin.id,
      signed,
    ]);
    x.buf.add("agreement_party", [id, ids[i], x.orgId]);
    for (const row of rows) x.buf.add("agreement_follow_up", row);
  });
  return agencies.map(([kind], i) => ({ id: ids[i] as string, kind }));
}

/** The registers; returns the directory's agencies (none without IFO Vuxen). */
export function writeRegisters(
  x: RegisterContext,
  cases: GenCase[],
  orgCases: number,
): GenAgency[] {
  serviceContacts(x, cases);
  consultations(x);
  competence(x, orgCases);
  return agreements(x);
}
