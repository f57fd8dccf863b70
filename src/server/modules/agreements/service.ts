import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  AgreementBody,
  AgreementList,
  AgreementView,
  FollowUpBody,
  UpdateAgreementBody,
} from "../../../shared/api/agreements.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { recordDirectoryRefusal } from "../agencies/guard.ts";
import { agreementNotFound, runAgreementCommand } from "./guard.ts";
import { managedUnits, managesUnit, readsAgreements } from "./policy.ts";
import { agreementViews, assignmentViews } from "./queries.ts";
import { followUpProblem } from "./rules.ts";

/**
 * Collaboration agreements (issue 18, item 2): kept by the managers of the owning unit,
 * followed up by them and the agreement's responsible users, read by everyone doing case
 * work. No client's data: reads are not audited; every change and refusal is.
 */
export const today = () => stockholmDate(new Date());

export async function listAgreements(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<AgreementList> {
  if (!readsAgreements(actor)) {
    await recordDirectoryRefusal(database, actor, meta, "agreement.read", "agreement", null);
    throw new AppError(
      403,
      "forbidden",
      "Samverkansöverenskommelserna är till för dem som arbetar med ärenden.",
    );
  }
  return withActor(database.db, actor, async (trx) => {
    const mine = managedUnits(actor);
    return {
      agreements: await agreementViews(trx, actor, today()),
      assignments: await assignmentViews(trx, actor),
      managedUnits:
        mine.length === 0
          ? []
          : await trx
              .selectFrom("unit")
              .select(["id", "name"])
              .where("id", "in", mine)
              .orderBy("name")
              .execute(),
    };
  });
}

async function oneAgreement(trx: Trx, actor: Actor, id: string): Promise<AgreementView> {
  const [view] = await agreementViews(trx, actor, today(), [id]);
  if (!view) throw agreementNotFound();
  return view;
}

export function readAgreement(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agreementId: string,
) {
  return runAgreementCommand(database, actor, meta, {
    agreementId,
    action: "agreement.read",
    need: "see",
    run: (trx) => oneAgreement(trx, actor, agreementId),
  });
}

type Input = Omit<z.output<typeof AgreementBody>, "nextFollowUpOn">;

/** The parties, responsible users and contacts named exist in the organisation: 400 otherwise. */
async function checkNamed(trx: Trx, actor: Actor, input: Input) {
  const count = async (ids: string[], table: "agency" | "app_user" | "agency_contact") => {
    if (ids.length === 0) return 0;
    const rows = await trx
      .selectFrom(table)
      .select("id")
      .where("id", "in", ids)
      .where("org_id", "=", actor.orgId)
      .execute();
    return rows.length;
  };
  const parties = [...new Set(input.partyIds)];
  const users = [...new Set(input.responsibleUserIds)];
  const contacts = [...new Set(input.responsibleContactIds)];
  const fields: Record<string, string> = {};
  if ((await count(parties, "agency")) !== parties.length)
    fields.partyIds = "Välj parterna ur aktörsregistret.";
  if ((await count(users, "app_user")) !== users.length)
    fields.responsibleUserIds = "Välj ansvariga bland organisationens medarbetare.";
  if ((await count(contacts, "agency_contact")) !== contacts.length)
    fields.responsibleContactIds = "Välj ansvariga bland aktörernas kontaktpersoner.";
  if (!managesUnit(actor, input.unitId)) fields.unitId = "Välj en enhet där du är enhetschef.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return { parties, users, contacts };
}

/** Writes the agreement's parties and responsible persons anew. */
async function writeMembers(
  trx: Trx,
  actor: Actor,
  agreementId: string,
  named: { parties: string[]; users: string[]; contacts: string[] },
) {
  await trx.deleteFrom("agreement_party").where("agreement_id", "=", agreementId).execute();
  await trx.deleteFrom("agreement_responsible").where("agreement_id", "=", agreementId).execute();
  const org_id = actor.orgId;
  await trx
    .insertInto("agreement_party")
    .values(named.parties.map((agency_id) => ({ agreement_id: agreementId, agency_id, org_id })))
    .execute();
  const responsible = [
    ...named.users.map((user_id) => ({ user_id, agency_contact_id: null })),
    ...named.contacts.map((agency_contact_id) => ({ user_id: null, agency_contact_id })),
  ];
  if (responsible.length > 0)
    await trx
      .insertInto("agreement_responsible")
      .values(
        responsible.map((r) => ({ id: randomUUID(), agreement_id: agreementId, org_id, ...r })),
      )
      .execute();
}

const columns = (input: Input) => ({
  unit_id: input.unitId,
  title: input.title,
  areas: [...new Set(input.areas)],
  goals: input.goals,
  signed_on: input.signedOn,
  document_reference: input.documentReference,
});

export async function createAgreement(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof AgreementBody>,
): Promise<AgreementView> {
  if (managedUnits(actor).length === 0) {
    await recordDirectoryRefusal(database, actor, meta, "agreement.create", "agreement", null);
    throw new AppError(
      403,
      "forbidden",
      "Bara enhetschefer kan lägga till samverkansöverenskommelser.",
    );
  }
  const problem = followUpProblem(input.signedOn, input.nextFollowUpOn, "signing");
  if (problem) throw invalid({ nextFollowUpOn: problem });
  return withActor(database.db, actor, async (trx) => {
    const named = await checkNamed(trx, actor, input);
    const id = randomUUID();
    await trx
      .insertInto("agreement")
      .values({
        id,
        org_id: actor.orgId,
        ...columns(input),
        next_follow_up_on: input.nextFollowUpOn,
        created_by: actor.userId,
      })
      .execute();
    await writeMembers(trx, actor, id, named);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "agreement.create",
        resourceType: "agreement",
        resourceId: id,
        unitId: input.unitId,
        data: { agreementId: id },
      },
    ]);
    return oneAgreement(trx, actor, id);
  });
}

const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat överenskommelsen under tiden. Din ändring är inte sparad – ladda om sidan och gör den igen.",
  );

export function updateAgreement(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agreementId: string,
  input: z.output<typeof UpdateAgreementBody>,
) {
  return runAgreementCommand(database, actor, meta, {
    agreementId,
    action: "agreement.update",
    need: "manage",
    run: async (trx, current) => {
      if (current.version !== input.version) throw changedMeanwhile();
      const named = await checkNamed(trx, actor, input);
      // A new signing day before any follow-up moves the 24 months with it.
      if (current.last_followed_up_on === null) {
        const problem = followUpProblem(input.signedOn, current.next_follow_up_on, "signing");
        if (problem) throw invalid({ signedOn: problem });
      } else if (input.signedOn > current.last_followed_up_on)
        throw invalid({ signedOn: "Undertecknandet kan inte ligga efter en gjord uppföljning." });
      if (input.endedOn !== null && input.endedOn < input.signedOn)
        throw invalid({ endedOn: "Slutdatum kan inte ligga före undertecknandet." });
      const before = await oneAgreement(trx, actor, agreementId);
      await trx
        .updateTable("agreement")
        .set((eb) => ({
          ...columns(input),
          ended_on: input.endedOn,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", agreementId)
        .execute();
      await writeMembers(trx, actor, agreementId, named);
      const after = await oneAgreement(trx, actor, agreementId);
      const keys = [
        "title",
        "unit",
        "parties",
        "areas",
        "goals",
        "responsible",
        "signedOn",
        "endedOn",
        "documentReference",
      ] as const;
      const fields = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      return { after, fields: [...fields] };
    },
    event: ({ fields }) => ({ agreementId, fields }),
  }).then(({ after }) => after);
}

const followedUpMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har registrerat en uppföljning under tiden. Din är inte sparad – ladda om sidan och se om den behövs.",
  );

/**
 * A follow-up with what it found, and the next one (≤ 24 months on): the agreement's dates
 * move with it, so its line on Att göra goes.
 */
export function recordFollowUp(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agreementId: string,
  input: z.output<typeof FollowUpBody>,
) {
  return runAgreementCommand(database, actor, meta, {
    agreementId,
    action: "agreement.follow_up",
    need: "follow_up",
    run: async (trx, current) => {
      if (current.ended_on !== null)
        throw new AppError(409, "conflict", "Överenskommelsen har upphört och följs inte upp.");
      // The same due follow-up sent twice (two responsible persons, a double click): the
      // first moved the version on under the row lock, so the second is stale.
      if (current.version !== input.version) throw followedUpMeanwhile();
      const fields: Record<string, string> = {};
      if (input.followedUpOn < String(current.signed_on))
        fields.followedUpOn = "Uppföljningen kan inte ligga före undertecknandet.";
      else if (input.followedUpOn > today())
        fields.followedUpOn = "Ange en uppföljning som är gjord – dagens datum eller tidigare.";
      const problem = followUpProblem(input.followedUpOn, input.nextFollowUpOn, "follow_up");
      if (problem) fields.nextFollowUpOn = problem;
      if (Object.keys(fields).length > 0) throw invalid(fields);
      const followUpId = randomUUID();
      await trx
        .insertInto("agreement_follow_up")
        .values({
          id: followUpId,
          org_id: actor.orgId,
          agreement_id: agreementId,
          followed_up_on: input.followedUpOn,
          findings: input.findings,
          next_follow_up_on: input.nextFollowUpOn,
          recorded_by: actor.userId,
        })
        .execute();
      // The latest follow-up by its day decides the dates (one recorded late changes only
      // the version, which every follow-up moves on).
      const last = current.last_followed_up_on;
      const latest = last === null || input.followedUpOn >= String(last);
      await trx
        .updateTable("agreement")
        .set((eb) => ({
          ...(latest
            ? { last_followed_up_on: input.followedUpOn, next_follow_up_on: input.nextFollowUpOn }
            : {}),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", agreementId)
        .execute();
      return { followUpId, view: await oneAgreement(trx, actor, agreementId) };
    },
    event: ({ followUpId }) => ({ agreementId, followUpId }),
  }).then(({ view }) => view);
}
