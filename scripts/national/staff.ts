import { familyNames, femaleNames, maleNames } from "./names.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";
import type { OrgPlan, UnitKey, UnitPlan } from "./shape.ts";

/**
 * An organisation's units and workers: per unit a caseworker (therapist at the treatment
 * unit) for about every 300 cases, a unit manager for every 3,000 (at least one); an
 * administrator and an analyst for the organisation. Usernames say who is who,
 * e.g. o017.vuxen.handlaggare.012, o017.behandling.behandlare.003, o017.barn.enhetschef.1.
 */
export const casesPerWorker = 300;

export interface Worker {
  id: string;
  role: "caseworker" | "therapist" | "unit_manager" | "administrator" | "analyst";
}

export interface UnitStaff {
  plan: UnitPlan;
  id: string;
  cases: number;
  workers: Worker[];
  managers: Worker[];
}

export interface OrgStaff {
  orgId: string;
  units: Map<UnitKey, UnitStaff>;
  admin: Worker;
  analysts: Worker[];
}

export interface StaffContext {
  r: Random;
  buf: RowBuffer;
  org: OrgPlan;
  orgId: string;
  passwordHash: string;
  /** Ten years before today: when the organisation started using Frid. */
  start: Date;
}

function displayName(r: Random): string {
  return `${r.pick(r.chance(0.7) ? femaleNames : maleNames)} ${r.pick(familyNames)}`;
}

function addUser(
  c: StaffContext,
  username: string,
  unitId: string | null,
  role: Worker["role"],
): Worker {
  const id = c.r.uuid();
  c.buf.add("app_user", [id, c.orgId, username, displayName(c.r), c.passwordHash, c.start]);
  c.buf.add("role_assignment", [c.r.uuid(), c.orgId, id, unitId, role, c.start]);
  return { id, role };
}

const workerTitle = (key: UnitKey) => (key === "behandling" ? "behandlare" : "handlaggare");

export function buildStaff(c: StaffContext, units: UnitPlan[], unitCases: number[]): OrgStaff {
  const staff: OrgStaff = {
    orgId: c.orgId,
    units: new Map(),
    admin: addUser(c, `${c.org.code}.admin`, null, "administrator"),
    analysts: [],
  };
  const analysts = Math.max(1, Math.ceil(c.org.cases / 20_000));
  for (let i = 1; i <= analysts; i++)
    staff.analysts.push(addUser(c, `${c.org.code}.analytiker.${i}`, null, "analyst"));
  units.forEach((plan, u) => {
    const id = c.r.uuid();
    c.buf.add("unit", [id, c.orgId, plan.name, plan.kind, c.start]);
    const cases = unitCases[u] as number;
    const role = plan.key === "behandling" ? "therapist" : "caseworker";
    const workers: Worker[] = [];
    for (let i = 1; i <= Math.max(2, Math.round(cases / casesPerWorker)); i++) {
      const n = String(i).padStart(3, "0");
      workers.push(addUser(c, `${c.org.code}.${plan.key}.${workerTitle(plan.key)}.${n}`, id, role));
    }
    const managers: Worker[] = [];
    for (let i = 1; i <= Math.max(1, Math.ceil(cases / 3_000)); i++)
      managers.push(addUser(c, `${c.org.code}.${plan.key}.enhetschef.${i}`, id, "unit_manager"));
    staff.units.set(plan.key, { plan, id, cases, workers, managers });
  });
  return staff;
}
