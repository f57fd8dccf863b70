import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { luhnCheckDigit } from "../../shared/personal-identity-number.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Database, RoleName } from "../db/types.ts";
import type { App } from "../http/context.ts";

/**
 * Factories for API tests. They write as the owner (no row-level security), the way an
 * administrator's setup would, so a test states only what it is about.
 */
export const testPassword = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildOrg(owner: Kysely<Database>, name = unique("Org ")) {
  return owner
    .insertInto("organisation")
    .values({ name, kind: "municipality" })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function buildUnit(
  owner: Kysely<Database>,
  orgId: string,
  kind:
    | "adult_services"
    | "child_services"
    | "crisis_centre"
    | "resource_function" = "adult_services",
) {
  return owner
    .insertInto("unit")
    .values({ org_id: orgId, name: unique("Enhet "), kind })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function buildUser(
  owner: Kysely<Database>,
  orgId: string,
  roles: { unitId: string | null; role: RoleName }[] = [],
  overrides: { username?: string; active?: boolean } = {},
) {
  passwordHash ??= hashPassword(testPassword);
  const user = await owner
    .insertInto("app_user")
    .values({
      org_id: orgId,
      username: overrides.username ?? unique("u"),
      display_name: unique("Användare "),
      password_hash: await passwordHash,
      active: overrides.active ?? true,
    })
    .returning(["id", "username", "display_name"])
    .executeTakeFirstOrThrow();
  if (roles.length > 0) {
    await owner
      .insertInto("role_assignment")
      .values(
        roles.map((r) => ({ org_id: orgId, user_id: user.id, unit_id: r.unitId, role: r.role })),
      )
      .execute();
  }
  return user;
}

/** A valid, fictional personnummer (birth number 98x), different on every call. */
export function fictionalIdentityNumber(): string {
  const n = counter++;
  const year = 1950 + (n % 50);
  const month = String(1 + (n % 12)).padStart(2, "0");
  const day = String(1 + (Math.floor(n / 12) % 28)).padStart(2, "0");
  const serial = `98${n % 10}`;
  const nine = `${String(year).slice(2)}${month}${day}${serial}`;
  return `${year}${month}${day}${serial}${luhnCheckDigit(nine)}`;
}

export async function buildPerson(owner: Kysely<Database>, orgId: string, registeredBy?: string) {
  const identityNumber = fictionalIdentityNumber();
  const person = await owner
    .insertInto("person")
    .values({
      id: randomUUID(),
      org_id: orgId,
      identity_kind: "personal_identity_number",
      identity_number: identityNumber,
      given_name: unique("Förnamn"),
      family_name: unique("Efternamn"),
      birth_date: `${identityNumber.slice(0, 4)}-${identityNumber.slice(4, 6)}-${identityNumber.slice(6, 8)}`,
      created_by: registeredBy ?? null,
    })
    .returning(["id", "identity_number", "given_name", "family_name"])
    .executeTakeFirstOrThrow();
  if (registeredBy) {
    await owner
      .insertInto("person_registration")
      .values({ org_id: orgId, person_id: person.id, user_id: registeredBy })
      .execute();
  }
  return person;
}

export async function buildCase(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    unitId: string;
    personId: string;
    openedBy: string;
    assignees?: string[];
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("case")
    .values({
      id,
      org_id: input.orgId,
      unit_id: input.unitId,
      person_id: input.personId,
      case_type: "adult_victim",
      reference: unique("T-"),
      opened_by: input.openedBy,
    })
    .execute();
  const assignees = input.assignees ?? [input.openedBy];
  if (assignees.length > 0) {
    await owner
      .insertInto("case_assignment")
      .values(
        assignees.map((userId) => ({
          org_id: input.orgId,
          case_id: id,
          user_id: userId,
          assigned_by: input.openedBy,
        })),
      )
      .execute();
  }
  return { id };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Logs in through the API, as a browser would. */
export async function login(app: App, username: string, password = testPassword): Promise<Session> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers["set-cookie"]);
  return { cookie: setCookie.split(";")[0] as string, csrfToken: res.json().csrfToken };
}

/** Headers for an injected request in a session (the CSRF token on every request is harmless). */
export function as(session: Session) {
  return { cookie: session.cookie, "x-csrf-token": session.csrfToken };
}

/**
 * The most common starting point of a case-work test: an organisation with one unit, a
 * caseworker logged in, and a case of theirs (in status intake) about a person they
 * registered.
 */
export async function buildWorkedCase(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id);
  const user = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const person = await buildPerson(owner, org.id, user.id);
  const c = await buildCase(owner, {
    orgId: org.id,
    unitId: unit.id,
    personId: person.id,
    openedBy: user.id,
  });
  return {
    orgId: org.id,
    unitId: unit.id,
    userId: user.id,
    personId: person.id,
    caseId: c.id,
    session: await login(app, user.username),
  };
}

/** A Barn och unga unit: a caseworker, a colleague and the unit manager, all logged in. */
export async function buildChildUnitTeam(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id, "child_services");
  const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const colleague = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
  return {
    orgId: org.id,
    unitId: unit.id,
    workerId: worker.id,
    worker: await login(app, worker.username),
    colleague: await login(app, colleague.username),
    manager: await login(app, manager.username),
  };
}

/** A report of concern about a new child, received at `receivedAt`, recorded by the team's caseworker. */
export async function recordReportOfConcern(
  app: App,
  owner: Kysely<Database>,
  team: Awaited<ReturnType<typeof buildChildUnitTeam>>,
  receivedAt: string,
) {
  const kid = await buildPerson(owner, team.orgId, team.workerId);
  const res = await app.inject({
    method: "POST",
    url: "/api/intakes",
    headers: as(team.worker),
    payload: {
      personId: kid.id,
      unitId: team.unitId,
      source: "school",
      channel: "phone",
      receivedAt,
      kind: "report_of_concern",
      askedAboutViolence: false,
    },
  });
  if (res.statusCode !== 201) throw new Error(`report of concern not recorded: ${res.body}`);
  return res.json() as { case: { id: string; reference: string }; intake: { id: string } };
}

/**
 * A report of concern taken through its protection assessment (the same-day duty) and a
 * preliminary decision to open an investigation: the child's case under investigation.
 */
export async function openChildInvestigation(
  app: App,
  owner: Kysely<Database>,
  team: Awaited<ReturnType<typeof buildChildUnitTeam>>,
  receivedAt: string,
) {
  const report = await recordReportOfConcern(app, owner, team, receivedAt);
  const caseUrl = `/api/cases/${report.case.id}`;
  const steps = [
    {
      url: `${caseUrl}/protection-assessments`,
      payload: {
        intakeId: report.intake.id,
        needsImmediateProtection: false,
        reasoning: "Barnet är tryggt hos mamma i dag.",
      },
    },
    {
      url: `${caseUrl}/preliminary-decision`,
      payload: { openInvestigation: true, reasoning: "Uppgifter om våld i hemmet." },
    },
  ];
  for (const step of steps) {
    const res = await app.inject({ method: "POST", headers: as(team.worker), ...step });
    if (res.statusCode !== 200) throw new Error(`${step.url} failed: ${res.body}`);
  }
  return report;
}

/**
 * A treatment unit (crisis centre): the perpetrator's therapist, the colleague who will work
 * partner contact, a third therapist and the unit manager, all logged in; and a man in
 * treatment's case (perpetrator), opened by his therapist through the API.
 */
export async function buildTreatmentTeam(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id, "crisis_centre");
  const therapist = await buildUser(owner, org.id, [{ unitId: unit.id, role: "therapist" }]);
  const partnerWorker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "therapist" }]);
  const third = await buildUser(owner, org.id, [{ unitId: unit.id, role: "therapist" }]);
  const manager = await buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }]);
  const him = await buildPerson(owner, org.id, therapist.id);
  const session = await login(app, therapist.username);
  const opened = await app.inject({
    method: "POST",
    url: "/api/cases",
    headers: as(session),
    payload: { personId: him.id, unitId: unit.id, caseType: "perpetrator" },
  });
  if (opened.statusCode !== 201) throw new Error(`perpetrator case not opened: ${opened.body}`);
  return {
    orgId: org.id,
    unitId: unit.id,
    caseId: opened.json().id as string,
    personId: him.id,
    therapistId: therapist.id,
    partnerWorkerId: partnerWorker.id,
    thirdId: third.id,
    therapist: session,
    partnerWorker: await login(app, partnerWorker.username),
    third: await login(app, third.username),
    manager: await login(app, manager.username),
  };
}
