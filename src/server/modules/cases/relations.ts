import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { showPersonRow } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseEntry, listEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { RelationTable } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import { findVisiblePerson } from "../persons/queries.ts";

/**
 * Relations between persons (partner, former partner, parent, child, sibling, other close
 * relative), each recorded within a case: family members have cases of their own, linked by
 * the relation, and a relation never opens another person's case to anyone.
 */
async function listRelations(trx: Trx, caseId: string) {
  const rows = await trx
    .selectFrom("relation as r")
    .innerJoin("person as p", "p.id", "r.other_person_id")
    .select((eb) => [
      "r.id",
      "r.kind",
      "r.recorded_at",
      "p.id as person_id",
      // As the recorder knew the relative (0026): a worker who only registered the number
      // shows — and sees — the name they typed, never the stored one.
      eb.fn.coalesce("r.given_name", "p.given_name").as("given_name"),
      eb.fn.coalesce("r.family_name", "p.family_name").as("family_name"),
      "p.identity_number",
      "p.identity_kind",
      "p.protection_level",
    ])
    .where("r.case_id", "=", caseId)
    .orderBy("r.recorded_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    // A list of relatives: each through the one rule, with the level for the badge.
    otherPerson: {
      id: r.person_id,
      ...showPersonRow(
        {
          name: `${r.given_name} ${r.family_name}`,
          identityNumber: displayIdentityNumber(r.identity_kind, r.identity_number),
          protectionLevel: r.protection_level,
        },
        "list",
      ),
    },
    recordedAt: r.recorded_at.toISOString(),
  }));
}

/**
 * A relative's name and number shown in this case is a look at that person too: the one
 * event of the request names the case, its person and every relative shown, so "who looked
 * at him" includes who saw him listed as a relative.
 */
function shownRelatives(
  list: Awaited<ReturnType<typeof listRelations>>,
  c: { id: string; person_id: string; unit_id: string },
) {
  return [
    listEntry(
      "relation.read",
      {
        resourceType: "case",
        personIds: list.map((r) => r.otherPerson.id),
        caseIds: [c.id],
        unitIds: [c.unit_id],
      },
      { personId: c.person_id, resourceId: c.id },
    ),
  ];
}

export async function readRelations(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "relation.read",
    run: ({ trx }) => listRelations(trx, caseId),
    event: (list, { case: c }) => shownRelatives(list, c),
  });
}

export async function addRelation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { otherPersonId: string; kind: RelationTable["kind"] },
) {
  const { list } = await runCaseCommand(database, actor, meta, {
    caseId,
    action: "relation.add",
    changes: true,
    // A closed case takes no new relatives (issue 13): the page hides the form, the server refuses.
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att lägga till en relation.",
    run: ({ trx, case: c }) => recordRelation(trx, actor, c, input),
    // The change, then the list it answers with: a look at every relative shown.
    event: ({ list, other }, { case: c }) => [
      caseEntry(c, "relation.add", { data: { otherPersonId: other, kind: input.kind } }),
      ...shownRelatives(list, c),
    ],
  });
  return list;
}

/** Records the relation; 400 for a person the actor may not name, 409 for one already there. */
async function recordRelation(
  trx: Trx,
  actor: Actor,
  c: { id: string; person_id: string },
  input: { otherPersonId: string; kind: RelationTable["kind"] },
) {
  const caseId = c.id;
  const other =
    input.otherPersonId === c.person_id
      ? null
      : await findVisiblePerson(trx, actor, input.otherPersonId);
  if (!other) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      otherPersonId: "Välj en annan person som du har behörighet till (registrera personen först).",
    });
  }
  const added = await trx
    .insertInto("relation")
    .values({
      org_id: actor.orgId,
      case_id: caseId,
      person_id: c.person_id,
      other_person_id: other.id,
      kind: input.kind,
      recorded_by: actor.userId,
      ...(other.as_typed ? { given_name: other.given_name, family_name: other.family_name } : {}),
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  // Recorded already (by someone else just now, or before): nothing changed, nothing audited.
  if (!added) {
    throw new AppError(
      409,
      "conflict",
      "Relationen finns redan i ärendet. Ladda om sidan för att se ärendets relationer.",
    );
  }
  return { list: await listRelations(trx, caseId), other: other.id };
}
