import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { hashPassword } from "../../auth/passwords.ts";
import type { Database } from "../types.ts";
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

    const org = await trx
      .insertInto("organisation")
      .values(demoOrganisation)
      .returning("id")
      .executeTakeFirstOrThrow();

    const units = await trx
      .insertInto("unit")
      .values(
        demoUnits.map((u) => ({
          org_id: org.id,
          name: u.name,
          kind: u.kind,
          contact_phone: u.phone,
          contact_address: "Demogatan 1, 111 11 Demostad",
        })),
      )
      .returning(["id", "name"])
      .execute();
    const unitId = (key: string | null) => {
      const name = demoUnits.find((u) => u.key === key)?.name;
      return units.find((u) => u.name === name)?.id ?? null;
    };

    // One hash for all: the same password, and seeding stays fast.
    const passwordHash = await hashPassword(demoPassword);
    const users = await trx
      .insertInto("app_user")
      .values(
        demoUsers.map((u) => ({
          org_id: org.id,
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
        })),
      )
      .returning(["id", "username"])
      .execute();
    await trx
      .insertInto("role_assignment")
      .values(
        demoUsers.map((u) => ({
          org_id: org.id,
          user_id: users.find((x) => x.username === u.username)?.id as string,
          unit_id: unitId(u.unit),
          role: u.role,
        })),
      )
      .execute();

    await trx
      .insertInto("person")
      .values(
        demoPersons.map((p) => {
          const parsed = parseIdentityNumber(p.identityNumber);
          if (!parsed.ok) throw new Error(`Demo identity number is invalid: ${parsed.message}`);
          return {
            org_id: org.id,
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
    await seedDemoCases(trx, org.id);
    return true;
  });
}

async function seedDemoCases(trx: Transaction<Database>, orgId: string) {
  const [units, users, persons] = await Promise.all([
    trx.selectFrom("unit").select(["id", "name"]).where("org_id", "=", orgId).execute(),
    trx.selectFrom("app_user").select(["id", "username"]).where("org_id", "=", orgId).execute(),
    trx
      .selectFrom("person")
      .select(["id", "identity_number"])
      .where("org_id", "=", orgId)
      .execute(),
  ]);
  const year = new Date().getFullYear();
  const caseIds: string[] = [];
  for (const [index, c] of demoCases.entries()) {
    const unitName = demoUnits.find((u) => u.key === c.unit)?.name;
    const unitId = units.find((u) => u.name === unitName)?.id as string;
    const userId = users.find((u) => u.username === c.worker)?.id as string;
    const personId = persons.find((p) => p.identity_number === c.person)?.id as string;
    const id = randomUUID();
    caseIds.push(id);
    await trx
      .insertInto("case")
      .values({
        id,
        org_id: orgId,
        unit_id: unitId,
        person_id: personId,
        case_type: c.caseType,
        reference: `${year}-D${String(index + 1).padStart(3, "0")}`,
        opened_by: userId,
        ...(c.intake ? { opened_at: daysAgo(c.intake.daysAgo) } : {}),
      })
      .execute();
    await trx
      .insertInto("case_assignment")
      .values({ org_id: orgId, case_id: id, user_id: userId, assigned_by: userId })
      .execute();
    await trx
      .insertInto("person_registration")
      .values({ org_id: orgId, person_id: personId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await seedStage(trx, orgId, { id, personId, unitId, userId }, c);
  }
  for (const [index, otherNumber, kind] of demoRelations) {
    const caseId = caseIds[index] as string;
    const c = demoCases[index] as DemoCase;
    await trx
      .insertInto("relation")
      .values({
        org_id: orgId,
        case_id: caseId,
        person_id: persons.find((p) => p.identity_number === c.person)?.id as string,
        other_person_id: persons.find((p) => p.identity_number === otherNumber)?.id as string,
        kind,
        recorded_by: users.find((u) => u.username === c.worker)?.id as string,
      })
      .execute();
  }
  const manager = users.find((u) => u.username === "krischef")?.id as string;
  const workerOf = (index: number) =>
    users.find((u) => u.username === (demoCases[index] as DemoCase).worker)?.id as string;
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

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** The intake, protection assessment and status history that put a demo case where it is. */
async function seedStage(
  trx: Transaction<Database>,
  orgId: string,
  c: { id: string; personId: string; unitId: string; userId: string },
  stage: DemoCase,
) {
  if (stage.intake) {
    const intakeId = randomUUID();
    const child = stage.intake.kind === "report_of_concern";
    await trx
      .insertInto("intake")
      .values({
        id: intakeId,
        org_id: orgId,
        unit_id: c.unitId,
        person_id: c.personId,
        case_id: c.id,
        source: stage.intake.source,
        channel: "phone",
        received_at: daysAgo(stage.intake.daysAgo),
        kind: stage.intake.kind,
        asked_about_violence: !child,
        violence_answer: child ? null : "Berättar om hot och kontroll från sambon under flera år.",
        interpreter_needed: false,
        children_in_household: child ? null : stage.caseType === "adult_victim" ? 2 : null,
        recorded_by: c.userId,
      })
      .execute();
    if (stage.intake.protectionAssessed) {
      await trx
        .insertInto("protection_assessment")
        .values({
          org_id: orgId,
          case_id: c.id,
          intake_id: intakeId,
          needs_immediate_protection: false,
          reasoning: "Barnet bor med mamma på skyddad adress; ingen akut fara.",
          assessed_by: c.userId,
        })
        .execute();
    }
  }
  let from: "intake" | "investigation" | "preliminary_assessment" | "implementation" = "intake";
  for (const step of stage.path ?? []) {
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
      .set({ status: from, status_changed_at: daysAgo(stage.path?.at(-1)?.daysAgo ?? 0) })
      .where("id", "=", c.id)
      .execute();
  }
  if (stage.work) await seedDemoWork(trx, orgId, c, stage.work);
}
