import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { assignableStaff, barredFrom, type CaseRow } from "./queries.ts";
import { caseCommand } from "./service.ts";

/**
 * Who works a case: assignments and time-limited grants, the unit manager's commands. Each
 * runs under the case's lock (caseCommand, through runCaseCommand), so it reads the assignments as they are now.
 */
async function requireAssignable(trx: Trx, actor: Actor, row: CaseRow, userId: string) {
  const staff = await assignableStaff(trx, actor.orgId, row.unit_id);
  if (!staff.some((s) => s.id === userId)) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      userId: "Personen har ingen handläggar- eller behandlarroll på ärendets enhet.",
    });
  }
  if (await barredFrom(trx, row.id, userId)) {
    throw new AppError(
      409,
      "conflict",
      "Personen har arbetat med ett ärende på andra sidan en informationsspärr och kan inte tilldelas det här.",
    );
  }
}

/** A change of assignment the case's current assignments make pointless: 409, with what to do. */
const assignmentConflict = (what: string) =>
  new AppError(
    409,
    "conflict",
    `${what} Ladda om sidan för att se vilka som arbetar med ärendet nu.`,
  );

export function assignCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  userId: string,
) {
  return caseCommand(database, actor, meta, caseId, "case.assign", {
    run: async ({ trx, case: row }) => {
      await requireAssignable(trx, actor, row, userId);
      const added = await trx
        .insertInto("case_assignment")
        .values({
          org_id: actor.orgId,
          case_id: caseId,
          user_id: userId,
          assigned_by: actor.userId,
        })
        .onConflict((oc) =>
          oc.columns(["case_id", "user_id"]).where("unassigned_at", "is", null).doNothing(),
        )
        .returning("id")
        .executeTakeFirst();
      // Already assigned (by someone else just now, or before): nothing changed, nothing audited.
      if (!added) throw assignmentConflict("Personen är redan tilldelad ärendet.");
    },
    event: () => ({ data: { userId } }),
  });
}

export function unassignCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  userId: string,
) {
  return caseCommand(database, actor, meta, caseId, "case.assign", {
    run: async ({ trx }) => {
      const ended = await trx
        .updateTable("case_assignment")
        .set({ unassigned_at: new Date(), unassigned_by: actor.userId })
        .where("case_id", "=", caseId)
        .where("user_id", "=", userId)
        .where("unassigned_at", "is", null)
        .executeTakeFirst();
      if (ended.numUpdatedRows === 0n)
        throw assignmentConflict("Personen är inte tilldelad ärendet (längre).");
    },
    // Allowed as case.assign (the manager's rule); recorded as what it did.
    event: (_, { case: row }) => [caseEntry(row, "case.unassign", { data: { userId } })],
  });
}

const maxGrantDays = 30;

export function grantAccess(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { userId: string; reason: string; expiresAt: string },
) {
  const expiresAt = new Date(input.expiresAt);
  const now = Date.now();
  if (expiresAt.getTime() <= now || expiresAt.getTime() > now + maxGrantDays * 86_400_000) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      expiresAt: `Åtkomsten måste upphöra inom ${maxGrantDays} dagar och ligga i framtiden.`,
    });
  }
  return caseCommand(database, actor, meta, caseId, "case.grant", {
    run: async ({ trx }) => {
      const user = await trx
        .selectFrom("app_user")
        .select("id")
        .where("id", "=", input.userId)
        .where("org_id", "=", actor.orgId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!user) {
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          userId: "Användaren finns inte.",
        });
      }
      if (await barredFrom(trx, caseId, input.userId)) {
        throw new AppError(
          409,
          "conflict",
          "Personen har arbetat med ett ärende på andra sidan en informationsspärr.",
        );
      }
      await trx
        .insertInto("access_grant")
        .values({
          org_id: actor.orgId,
          case_id: caseId,
          user_id: input.userId,
          reason: input.reason,
          granted_by: actor.userId,
          expires_at: expiresAt,
        })
        .execute();
    },
    event: () => ({
      reason: input.reason,
      data: { userId: input.userId, expiresAt: expiresAt.toISOString() },
    }),
  });
}
