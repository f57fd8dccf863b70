import type { Kysely } from "kysely";
import type { Actor, RoleHeld } from "../access/actor.ts";
import type { Database, RoleName } from "../db/types.ts";
import { buildOrg, buildPerson, buildUnit, buildUser } from "./factories.ts";

/**
 * A generated organisation for comparing the two writings of the access rule (scope.ts and
 * the SQL policies): cases in several units with assignees (some since unassigned), managers,
 * time-limited grants (live, expired, revoked), barriers, relatives, closed cases, protected
 * persons, registrations, and a second organisation. Drawn from a seeded generator, so a
 * failure can be repeated with the same seed.
 */
export interface AccessWorld {
  orgIds: string[];
  userIds: string[];
}

/** mulberry32: small, seedable, good enough to pick fixtures. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick, chance: (p: number) => next() < p };
}

const unitRoles: RoleName[] = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
  "consultant",
];
const caseTypes = ["adult_victim", "child", "perpetrator", "partner_contact"] as const;
const statuses = ["intake", "investigation", "implementation", "follow_up", "closed"] as const;
const protections = [
  "none",
  "none",
  "confidentiality_marking",
  "protected_registration",
  "fictitious_identity",
] as const;
const relationKinds = ["partner", "former_partner", "child", "parent", "sibling"] as const;
const day = 86_400_000;

async function buildStaff(owner: Kysely<Database>, orgId: string, units: string[]) {
  const users: string[] = [];
  for (const unitId of units)
    for (const role of unitRoles)
      users.push((await buildUser(owner, orgId, [{ unitId, role }])).id);
  for (const role of ["administrator", "analyst"] as const)
    users.push((await buildUser(owner, orgId, [{ unitId: null, role }])).id);
  // Two hats: caseworker in one unit, manager of another.
  const [u0, u1] = units as [string, string];
  users.push(
    (
      await buildUser(owner, orgId, [
        { unitId: u0, role: "caseworker" },
        { unitId: u1, role: "unit_manager" },
      ])
    ).id,
  );
  return users;
}

export async function buildAccessWorld(owner: Kysely<Database>, seed: number) {
  const r = seededRandom(seed);
  const org = await buildOrg(owner);
  const units = [
    (await buildUnit(owner, org.id, "adult_services")).id,
    (await buildUnit(owner, org.id, "child_services")).id,
    (await buildUnit(owner, org.id, "crisis_centre")).id,
  ];
  const staff = await buildStaff(owner, org.id, units);
  const persons: string[] = [];
  for (let i = 0; i < 14; i++) {
    const p = await buildPerson(owner, org.id, r.chance(0.3) ? r.pick(staff) : undefined);
    await owner
      .updateTable("person")
      .set({ protection_level: r.pick(protections) })
      .where("id", "=", p.id)
      .execute();
    persons.push(p.id);
  }
  const cases = await buildCases(owner, r, org.id, units, staff, persons);
  await buildGrants(owner, r, org.id, cases, staff);
  await buildBarriers(owner, r, org.id, cases, staff);
  await buildRelations(owner, r, org.id, cases, persons, staff);
  // Someone else's registration of a person only tells the one who registered.
  for (let i = 0; i < 6; i++)
    await owner
      .insertInto("person_registration")
      .values({ org_id: org.id, person_id: r.pick(persons), user_id: r.pick(staff) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  const other = await buildOtherOrganisation(owner, r);
  return { orgIds: [org.id, other.orgId], userIds: [...staff, ...other.users] };
}

type Random = ReturnType<typeof seededRandom>;
type Case = { id: string; personId: string };

async function buildCases(
  owner: Kysely<Database>,
  r: Random,
  orgId: string,
  units: string[],
  staff: string[],
  persons: string[],
): Promise<Case[]> {
  const cases: Case[] = [];
  for (let i = 0; i < 36; i++) {
    const id = crypto.randomUUID();
    const personId = r.pick(persons);
    const status = r.pick(statuses);
    const openedBy = r.pick(staff);
    await owner
      .insertInto("case")
      .values({
        id,
        org_id: orgId,
        unit_id: r.pick(units),
        person_id: personId,
        case_type: r.pick(caseTypes),
        reference: `G-${seedless()}`,
        opened_by: openedBy,
        status,
        closed_reason: status === "closed" ? "goal_reached" : null,
      })
      .execute();
    const assignees = new Set<string>();
    for (let k = Math.floor(r.next() * 3); k > 0; k--) assignees.add(r.pick(staff));
    for (const userId of assignees)
      await owner
        .insertInto("case_assignment")
        .values({
          org_id: orgId,
          case_id: id,
          user_id: userId,
          assigned_by: openedBy,
          // Some were taken off the case again: they no longer see it (but stay barred).
          unassigned_at: r.chance(0.25) ? new Date(Date.now() - day) : null,
        })
        .execute();
    cases.push({ id, personId });
  }
  return cases;
}

async function buildGrants(
  owner: Kysely<Database>,
  r: Random,
  orgId: string,
  cases: Case[],
  staff: string[],
) {
  for (let i = 0; i < 14; i++) {
    const kind = r.pick(["live", "live", "expired", "revoked"] as const);
    const now = Date.now();
    await owner
      .insertInto("access_grant")
      .values({
        org_id: orgId,
        case_id: r.pick(cases).id,
        user_id: r.pick(staff),
        reason: "Semestervikarie under sommaren",
        granted_by: r.pick(staff),
        granted_at: new Date(now - 3 * day),
        expires_at: new Date(kind === "expired" ? now - day : now + day),
        revoked_at: kind === "revoked" ? new Date(now - day) : null,
      })
      .execute();
  }
}

async function buildBarriers(
  owner: Kysely<Database>,
  r: Random,
  orgId: string,
  cases: Case[],
  staff: string[],
) {
  for (let i = 0; i < 6; i++) {
    const a = r.pick(cases);
    const b = r.pick(cases);
    if (a.personId === b.personId) continue;
    await owner
      .insertInto("barrier")
      .values({
        org_id: orgId,
        case_a_id: a.id,
        case_b_id: b.id,
        reason: "Partnerkontakt: informationsspärr",
        purpose: r.pick(["manual", "partner_contact"] as const),
        created_by: r.pick(staff),
      })
      .execute();
  }
}

async function buildRelations(
  owner: Kysely<Database>,
  r: Random,
  orgId: string,
  cases: Case[],
  persons: string[],
  staff: string[],
) {
  for (let i = 0; i < 14; i++) {
    const c = r.pick(cases);
    const other = r.pick(persons);
    if (other === c.personId) continue;
    await owner
      .insertInto("relation")
      .values({
        org_id: orgId,
        case_id: c.id,
        person_id: c.personId,
        other_person_id: other,
        kind: r.pick(relationKinds),
        recorded_by: r.pick(staff),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Another organisation with a case of its own and a manager who must see none of ours. */
async function buildOtherOrganisation(owner: Kysely<Database>, r: Random) {
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id);
  const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
  const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const person = await buildPerson(owner, org.id, worker.id);
  await owner
    .insertInto("case")
    .values({
      id: crypto.randomUUID(),
      org_id: org.id,
      unit_id: unit.id,
      person_id: person.id,
      case_type: r.pick(caseTypes),
      reference: `G-${seedless()}`,
      opened_by: worker.id,
    })
    .execute();
  return { orgId: org.id, users: [manager.id, worker.id] };
}

let counter = 0;
const seedless = () => `${process.pid}-${++counter}-${Math.floor(Math.random() * 1e9)}`;

/** The actor a session of this user would carry (auth/sessions.ts reads roles the same way). */
export async function actorOf(owner: Kysely<Database>, userId: string): Promise<Actor> {
  const user = await owner
    .selectFrom("app_user")
    .select(["id", "org_id", "username", "display_name"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const roles = await owner
    .selectFrom("role_assignment as r")
    .leftJoin("unit as un", "un.id", "r.unit_id")
    .select(["r.id", "r.unit_id as unitId", "un.name as unitName", "r.role"])
    .where("r.user_id", "=", userId)
    .execute();
  return {
    userId: user.id,
    orgId: user.org_id,
    username: user.username,
    displayName: user.display_name,
    roles: roles as RoleHeld[],
  };
}
