import { writeAccess } from "./access.ts";
import { writeAudit } from "./audit.ts";
import {
  type CaseType,
  day,
  drawPath,
  type GenCase,
  openedAt,
  tenYears,
  writeCases,
} from "./cases.ts";
import { writeConferences } from "./conferences.ts";
import { IdentityPool, type Sex } from "./identity.ts";
import { writeOutcomes } from "./outcomes.ts";
import { addPerson, type Person, type PersonContext } from "./people.ts";
import { writePlans } from "./plans.ts";
import { writeProcess } from "./process.ts";
import type { Random } from "./random.ts";
import { writeRegisters } from "./registers.ts";
import type { RowBuffer } from "./row-buffer.ts";
import { writeTreatmentWork } from "./sessions.ts";
import { type OrgPlan, type UnitKey, unitsOf } from "./shape.ts";
import { buildStaff, type UnitStaff } from "./staff.ts";
import { writeStays } from "./stays.ts";
import { writeTreatments } from "./treatment.ts";
import { storeInstrument, writeWork } from "./work.ts";

/**
 * One organisation, whole: its units and staff, persons and cases, access, work, treatment
 * with partner contact, and audit history — all drawn from the organisation's own random
 * stream, so it comes out the same however the loader batches organisations.
 */
export interface OrgInput {
  r: Random;
  buf: RowBuffer;
  plan: OrgPlan;
  passwordHash: string;
  today: Date;
}

/** Cases per unit adding up to the organisation's count; partner cases never outnumber treatments. */
function unitCounts(plan: OrgPlan): number[] {
  const units = unitsOf(plan);
  const counts = units.map((u) => Math.floor(u.share * plan.cases));
  const t = units.findIndex((u) => u.key === "behandling");
  const p = units.findIndex((u) => u.key === "partner");
  if (p >= 0) counts[p] = Math.min(counts[p] as number, counts[t] as number);
  counts[0] = plan.cases - counts.slice(1).reduce((s, n) => s + n, 0);
  return counts;
}

const people: Record<
  Exclude<CaseType, "partner_contact">,
  { female: number; ages: [number, number] }
> = {
  adult_victim: { female: 0.82, ages: [18, 85] },
  child: { female: 0.5, ages: [0, 17] },
  perpetrator: { female: 0.08, ages: [18, 75] },
};

function newCase(p: PersonContext, unit: UnitStaff, type: CaseType, today: Date) {
  const opened = openedAt(p.r, today);
  const worker = p.r.pick(unit.workers);
  const who = people[type as keyof typeof people];
  const sex: Sex = p.r.chance(who.female) ? "female" : "male";
  const yearsAgo = Math.floor((today.getTime() - opened.getTime()) / (365.25 * day));
  const ages: [number, number] = [who.ages[0] + yearsAgo, who.ages[1] + yearsAgo];
  const person = addPerson(p, sex, ages, worker.id, opened);
  const drawn = drawPath(p.r, type, opened, today);
  const c: GenCase = {
    id: p.r.uuid(),
    personId: person.id,
    unit,
    type,
    openedAt: opened,
    opener: worker,
    worker,
    status: drawn.status,
    path: drawn.path,
    closedAt: drawn.path.find((s) => s.status === "closed")?.at ?? null,
    closedReason: drawn.closedReason,
  };
  return { c, person };
}

/** A mother's case names some of her children (their own cases at Barn och unga) and a (former) partner without a case. */
function relatives(p: PersonContext, adults: GenCase[], children: Person[]) {
  for (const c of adults) {
    const named = new Set<string>();
    if (children.length > 0 && p.r.chance(0.3))
      for (let k = p.r.between(1, 2); k > 0; k--) named.add(p.r.pick(children).id);
    for (const child of named)
      if (child !== c.personId)
        p.buf.add("relation", [
          p.r.uuid(),
          p.orgId,
          c.id,
          c.personId,
          child,
          "child",
          c.worker.id,
          c.openedAt,
        ]);
    if (p.r.chance(0.15)) {
      const him = addPerson(p, "male", [20, 80], c.worker.id, c.openedAt);
      const kind = p.r.pick(["partner", "former_partner"] as const);
      p.buf.add("relation", [
        p.r.uuid(),
        p.orgId,
        c.id,
        c.personId,
        him.id,
        kind,
        c.worker.id,
        c.openedAt,
      ]);
    }
  }
}

export function generateOrg(o: OrgInput): void {
  const { r, buf, plan, today } = o;
  const orgId = r.uuid();
  const start = new Date(today.getTime() - tenYears - 30 * day);
  buf.add("organisation", [orgId, plan.name, "municipality", start]);
  const units = unitsOf(plan);
  const staff = buildStaff(
    { r, buf, org: plan, orgId, passwordHash: o.passwordHash, start },
    units,
    unitCounts(plan),
  );
  const p: PersonContext = { r, buf, orgId, ids: new IdentityPool(r, today) };
  const unit = (k: UnitKey) => staff.units.get(k);
  const make = (k: UnitKey, type: CaseType) => {
    const u = unit(k);
    return u
      ? Array.from({ length: k === "partner" ? 0 : u.cases }, () => newCase(p, u, type, today))
      : [];
  };
  const children = make("barn", "child");
  const adults = make("vuxen", "adult_victim");
  const perpetrators = make("behandling", "perpetrator");
  relatives(
    p,
    adults.map((x) => x.c),
    children.map((x) => x.person),
  );
  const treated = writeTreatments(
    p,
    perpetrators.map(({ c, person }) => ({ c, him: person })),
    unit("partner"),
    today,
  );
  const cases = [...children, ...adults, ...perpetrators]
    .map((x) => x.c)
    .concat(treated.partnerCases);
  writeCases(buf, r, orgId, cases);
  writeAccess(buf, r, orgId, cases, today);
  const decisions = writeWork(buf, r, orgId, cases, storeInstrument(buf, orgId, start), today);
  writeAudit(buf, r, orgId, cases, today);
  // A stream of its own: the rows above come out as they did before these were added.
  const x = { r: r.fork("process"), buf, orgId, orgName: plan.name, today };
  writeProcess(x, cases);
  writePlans(x, decisions);
  writeTreatmentWork(
    x,
    perpetrators.map((p) => p.c),
    treated,
  );
  // What the yearly report counts besides: streams of their own, as above.
  writeOutcomes(buf, r.fork("outcomes"), orgId, cases);
  const vuxen = unit("vuxen");
  if (vuxen)
    writeStays(
      { p: { ...p, r: r.fork("stays") }, vuxen, admin: staff.admin, start, today },
      decisions,
    );
  const agencies = writeRegisters(
    {
      r: r.fork("registers"),
      buf,
      orgId,
      orgName: plan.name,
      units: staff.units,
      admin: staff.admin,
      start,
      today,
    },
    cases,
    plan.cases,
  );
  writeConferences({ r: r.fork("conferences"), buf, orgId, today }, cases, agencies, start);
}
