import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { hashPassword } from "../../auth/passwords.ts";
import type { Database } from "../types.ts";
import { seedDemoActionPlan } from "./demo-action-plan.ts";
import { seedDemoChat } from "./demo-chat.ts";
import { dayAgo, daysAgo, startDemoClock } from "./demo-clock.ts";
import { seedDemoCollaboration } from "./demo-collaboration.ts";
import { seedDemoCrisisWork } from "./demo-crisis-work.ts";
import {
  type DemoCase,
  demoBarriers,
  demoCases,
  demoOrganisation,
  demoPassword,
  demoPersons,
  demoRelations,
  demoSafeContact,
  demoUnits,
  demoUsers,
} from "./demo-data.ts";
import { demoHousingIds, seedDemoHousing } from "./demo-housing.ts";
import { seedDemoIdentityProvider } from "./demo-identity.ts";
import { seedDemoRoutines } from "./demo-routines.ts";
import { demoJournals, demoRisks, seedDemoJournal, seedDemoRisks } from "./demo-story.ts";
import { seedDemoSurveys } from "./demo-surveys.ts";
import { seedDemoTreatment } from "./demo-treatment.ts";
import { seedDemoWork } from "./demo-work.ts";

const SEED = "demo-v1";

/**
 * Seeds the demo organisation once: a second start, or a second process starting at the
 * same time, finds the seed recorded and does nothing. Only called in demo mode.
 * Returns whether it seeded now.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The row lock on the seed marker is what makes concurrent starts safe.
    const inserted = await trx
      .insertInto("seed_run")
      .values({ name: SEED })
      .onConflict((oc) => oc.column("name").doNothing())
      .returning("name")
      .executeTakeFirst();
    if (!inserted) return false;
    startDemoClock();

    const org = await trx
      .insertInto("organisation")
      .values(demoOrganisation)
      .returning("id")
      .executeTakeFirstOrThrow();
    const unitId = await seedUnits(trx, org.id);
    await seedUsers(trx, org.id, unitId);
    await seedPersons(trx, org.id);
    await seedDemoCases(trx, org.id);
    await seedDemoSurveys(trx, org.id);
    await seedDemoChat(trx, org.id);
    return true;
  });
}

/** The demo units; returns the id of a unit by its key. */
async function seedUnits(trx: Transaction<Database>, orgId: string) {
  const units = await trx
    .insertInto("unit")
    .values(
      demoUnits.map((u) => ({
        org_id: orgId,
        name: u.name,
        kind: u.kind,
        contact_phone: u.phone,
        contact_address: "Demogatan 1, 111 11 Demostad",
      })),
    )
    .returning(["id", "name"])
    .execute();
  return (key: string | null) => {
    const name = demoUnits.find((u) => u.key === key)?.name;
    return units.find((u) => u.name === name)?.id ?? null;
  };
}

/** The demo users, each with the one role in the one unit the README lists. */
async function seedUsers(
  trx: Transaction<Database>,
  orgId: string,
  unitId: (key: string | null) => string | null,
) {
  // One hash for all: the same password, and seeding stays fast.
  const passwordHash = await hashPassword(demoPassword);
  const users = await trx
    .insertInto("app_user")
    .values(
      demoUsers.map((u) => ({
        org_id: orgId,
        username: u.username,
        display_name: u.displayName,
        password_hash: passwordHash,
      })),
    )
    .returning(["id", "username"])
    .execute();
  await seedDemoIdentityProvider(trx, orgId, users);
  await trx
    .insertInto("role_assignment")
    .values(
      demoUsers.map((u) => ({
        org_id: orgId,
        user_id: users.find((x) => x.username === u.username)?.id as string,
        unit_id: unitId(u.unit),
        role: u.role,
      })),
    )
    .execute();
}

/** The demo persons, their identity numbers parsed as the API would store them. */
async function seedPersons(trx: Transaction<Database>, orgId: string) {
  await trx
    .insertInto("person")
    .values(
      demoPersons.map((p) => {
        const parsed = parseIdentityNumber(p.identityNumber);
        if (!parsed.ok) throw new Error(`Demo identity number is invalid: ${parsed.message}`);
        return {
          org_id: orgId,
          identity_kind: parsed.value.kind,
          identity_number: parsed.value.normalized,
          given_name: p.givenName,
          family_name: p.familyName,
          birth_date: parsed.value.birthDate,
          sex: p.sex,
          ...(demoSafeContact[p.identityNumber]
            ? { safe_contact: JSON.stringify(demoSafeContact[p.identityNumber]) }
            : {}),
        };
      }),
    )
    .execute();
}

/** The organisation's units, users and persons, read back to link the cases to them. */
async function lookupsOf(trx: Transaction<Database>, orgId: string) {
  const [units, users, persons] = await Promise.all([
    trx.selectFrom("unit").select(["id", "name"]).where("org_id", "=", orgId).execute(),
    trx.selectFrom("app_user").select(["id", "username"]).where("org_id", "=", orgId).execute(),
    trx
      .selectFrom("person")
      .select(["id", "identity_number"])
      .where("org_id", "=", orgId)
      .execute(),
  ]);
  return {
    unitId: (key: string) => {
      const unitName = demoUnits.find((u) => u.key === key)?.name;
      return units.find((u) => u.name === unitName)?.id as string;
    },
    userId: (username: string) => users.find((u) => u.username === username)?.id as string,
    personId: (number: string) => persons.find((p) => p.identity_number === number)?.id as string,
  };
}

type Lookups = Awaited<ReturnType<typeof lookupsOf>>;

async function seedDemoCases(trx: Transaction<Database>, orgId: string) {
  const lookups = await lookupsOf(trx, orgId);
  const year = new Date().getFullYear();
  const caseIds: string[] = [];
  for (const [index, c] of demoCases.entries()) {
    const reference = `${year}-D${String(index + 1).padStart(3, "0")}`;
    caseIds.push(await seedCase(trx, orgId, lookups, { ...c, index }, reference));
  }
  await seedRelations(trx, orgId, lookups, caseIds);
  await seedBarriers(trx, orgId, lookups, caseIds);
  const housing = demoHousingIds(orgId, lookups, caseIds);
  await seedDemoHousing(trx, housing);
  await seedDemoCrisisWork(trx, orgId, lookups, caseIds, housing.maja);
  await seedDemoCollaboration(trx, orgId, lookups, caseIds);
  await seedDemoActionPlan(trx, orgId, lookups.userId);
  await seedDemoRoutines(trx, orgId, lookups.userId);
}

/** One demo case: opened, assigned to its worker, and brought to its stage. */
async function seedCase(
  trx: Transaction<Database>,
  orgId: string,
  lookups: Lookups,
  c: IndexedCase,
  reference: string,
) {
  const unitId = lookups.unitId(c.unit);
  const userId = lookups.userId(c.worker);
  const personId = lookups.personId(c.person);
  const id = randomUUID();
  // Opened when the intake was recorded (or the referral came): before everything after it.
  const openedAt = daysAgo(c.intake?.daysAgo ?? c.openedDaysAgo ?? 0);
  await trx
    .insertInto("case")
    .values({
      id,
      org_id: orgId,
      unit_id: unitId,
      person_id: personId,
      case_type: c.caseType,
      reference,
      opened_by: userId,
      opened_at: openedAt,
      status_changed_at: openedAt,
    })
    .execute();
  await trx
    .insertInto("case_assignment")
    .values({
      org_id: orgId,
      case_id: id,
      user_id: userId,
      assigned_by: userId,
      assigned_at: openedAt,
    })
    .execute();
  await trx
    .insertInto("person_registration")
    .values({ org_id: orgId, person_id: personId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await seedStage(trx, orgId, { id, personId, unitId, userId }, c);
  return id;
}

/** The relatives recorded in the demo cases (a case's person and, say, her children). */
async function seedRelations(
  trx: Transaction<Database>,
  orgId: string,
  lookups: Lookups,
  caseIds: string[],
) {
  for (const [index, otherNumber, kind] of demoRelations) {
    const caseId = caseIds[index] as string;
    const c = demoCases[index] as DemoCase;
    await trx
      .insertInto("relation")
      .values({
        org_id: orgId,
        case_id: caseId,
        person_id: lookups.personId(c.person),
        other_person_id: lookups.personId(otherNumber),
        kind,
        recorded_by: lookups.userId(c.worker),
      })
      .execute();
  }
}

/** The partner-contact barriers, each with the treatment on its one side. */
async function seedBarriers(
  trx: Transaction<Database>,
  orgId: string,
  lookups: Lookups,
  caseIds: string[],
) {
  const manager = lookups.userId("krischef");
  const workerOf = (index: number) => lookups.userId((demoCases[index] as DemoCase).worker);
  for (const [a, b] of demoBarriers) {
    const barrier = await trx
      .insertInto("barrier")
      .values({
        org_id: orgId,
        case_a_id: caseIds[a] as string,
        case_b_id: caseIds[b] as string,
        reason: "Partnerkontakt: behandlingen och partnerns stöd hålls åtskilda.",
        purpose: "partner_contact",
        created_by: manager,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await seedDemoTreatment(
      trx,
      orgId,
      {
        caseId: caseIds[a] as string,
        therapistId: workerOf(a),
        partnerCaseId: caseIds[b] as string,
        partnerWorkerId: workerOf(b),
      },
      barrier.id,
    );
  }
}

/** The intake, protection assessment and status history that put a demo case where it is. */
async function seedStage(
  trx: Transaction<Database>,
  orgId: string,
  c: StagedCase,
  stage: IndexedCase,
) {
  if (stage.intake) await seedIntake(trx, orgId, c, stage, stage.intake);
  await seedStatusPath(trx, orgId, c, stage.path ?? []);
  if (stage.work) await seedDemoWork(trx, orgId, c, stage.work);
  await seedDemoRisks(trx, orgId, c, demoRisks[stage.index] ?? []);
  await seedDemoJournal(trx, orgId, c, demoJournals[stage.index] ?? []);
}

/** A demo case with its place in demoCases (the journals and risks are listed by it). */
type IndexedCase = DemoCase & { index: number };

type StagedCase = { id: string; personId: string; unitId: string; userId: string };

/** How each demo source reached the unit. */
const channelOf = { the_person: "visit", police: "phone", school: "email" } as const;

/** How the case came in, and for a child's report of concern its protection assessment. */
async function seedIntake(
  trx: Transaction<Database>,
  orgId: string,
  c: StagedCase,
  stage: DemoCase,
  intake: NonNullable<DemoCase["intake"]>,
) {
  const intakeId = randomUUID();
  const child = intake.kind === "report_of_concern";
  const { report } = intake;
  await trx
    .insertInto("intake")
    .values({
      id: intakeId,
      org_id: orgId,
      unit_id: c.unitId,
      person_id: c.personId,
      case_id: c.id,
      source: intake.source,
      channel: channelOf[intake.source],
      // Received, then recorded 45 minutes later: the moment the case opened.
      received_at: daysAgo(intake.daysAgo, -45),
      recorded_at: daysAgo(intake.daysAgo),
      kind: intake.kind,
      // A child is not asked about violence at intake (shared/intake-questions.ts).
      asked_about_violence: child ? null : true,
      violence_answer: child ? null : (intake.violenceAnswer ?? null),
      interpreter_needed: false,
      children_in_household: child ? null : stage.caseType === "adult_victim" ? 2 : null,
      report_text: report.text,
      reported_on: report.reportedDaysAgo === undefined ? null : dayAgo(report.reportedDaysAgo),
      reporter_organisation: report.organisation ?? null,
      reporter_name: report.name ?? null,
      reporter_phone: report.phone ?? null,
      reporter_email: report.email ?? null,
      recorded_by: c.userId,
    })
    .execute();
  if (intake.protectionAssessed) {
    await trx
      .insertInto("protection_assessment")
      .values({
        org_id: orgId,
        case_id: c.id,
        intake_id: intakeId,
        needs_immediate_protection: false,
        reasoning: "Barnet bor med mamma på skyddad adress; ingen akut fara.",
        assessed_by: c.userId,
        // The same day as the report, after the call with the mother.
        assessed_at: daysAgo(intake.daysAgo, 90),
      })
      .execute();
  }
}

/** The status changes from intake along the case's path, and the status it ends in. */
async function seedStatusPath(
  trx: Transaction<Database>,
  orgId: string,
  c: StagedCase,
  path: NonNullable<DemoCase["path"]>,
) {
  let from: "intake" | "investigation" | "preliminary_assessment" | "implementation" = "intake";
  for (const step of path) {
    await trx
      .insertInto("case_status_change")
      .values({
        org_id: orgId,
        case_id: c.id,
        from_status: from,
        to_status: step.to,
        changed_by: c.userId,
        changed_at: daysAgo(step.daysAgo),
      })
      .execute();
    from = step.to;
  }
  if (from !== "intake") {
    await trx
      .updateTable("case")
      .set({ status: from, status_changed_at: daysAgo(path.at(-1)?.daysAgo ?? 0) })
      .where("id", "=", c.id)
      .execute();
  }
}
