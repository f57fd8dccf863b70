import { endOfDay, startOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { shownReference } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { letterIdentity } from "../../output/delivery.ts";
import { renderJournal } from "../../output/journal-pdf.ts";
import { deliveryFor, recipientOf } from "../decisions/service.ts";
import { entryQuery } from "./queries.ts";

/**
 * The journal printed for a period (issue 15): the signed entries whose event falls on the
 * days from–to (Swedish time), oldest first. Drafts are never printed: until signed they
 * are their author's alone. A period too long to print in one document is refused with a
 * message rather than cut short without a word.
 */
export const maxPrintedEntries = 1000;

const tooMany = () => {
  const message = `Perioden har fler än ${maxPrintedEntries.toLocaleString("sv-SE")} signerade anteckningar. Välj en kortare period.`;
  return new AppError(400, "validation_failed", message, { from: message });
};

const minute = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
/** "2026-12-01 14:05", the time in Stockholm. */
const stockholmMinute = (at: Date | string) => minute.format(new Date(at));

function signedEntriesIn(trx: Trx, caseId: string, from: string, to: string) {
  return entryQuery(trx)
    .where("j.case_id", "=", caseId)
    .where("j.signed_at", "is not", null)
    .where("j.occurred_at", ">=", startOfDay(from))
    .where("j.occurred_at", "<=", endOfDay(to))
    .orderBy("j.occurred_at")
    .orderBy("j.written_at")
    .orderBy("j.id")
    .limit(maxPrintedEntries + 1)
    .execute();
}

export function printJournal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  period: { from: string; to: string },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "journal.print",
    run: async ({ trx, case: c }) => {
      const rows = await signedEntriesIn(trx, caseId, period.from, period.to);
      if (rows.length > maxPrintedEntries) throw tooMany();
      const recipient = await recipientOf(trx, database.cipher, c.person_id);
      const org = await trx
        .selectFrom("organisation")
        .select("name")
        .where("id", "=", actor.orgId)
        .executeTakeFirstOrThrow();
      // Under fingerade personuppgifter no reference: it would tie her identity to the file.
      const reference = shownReference(recipient.protectionLevel, c.reference);
      const pdf = await renderJournal({
        organisation: org.name,
        unit: c.unit_name,
        reference,
        printedOn: stockholmDate(new Date()),
        ...period,
        recipient: letterIdentity({
          protectionLevel: recipient.protectionLevel,
          name: `${c.given_name} ${c.family_name}`,
          identityNumber: displayIdentityNumber(c.identity_kind, c.identity_number),
        }),
        delivery: await deliveryFor(trx, actor, c.person_id, recipient),
        entries: rows.map((r) => ({
          occurredAt: stockholmMinute(r.occurred_at),
          entryType: r.entry_type,
          author: r.author_name,
          body: r.body,
          signedAt: stockholmMinute(r.signed_at ?? r.written_at),
          corrects: r.corrects ? stockholmMinute(r.corrects.occurred_at) : null,
        })),
      });
      return { pdf, reference, entries: rows.length };
    },
    event: ({ entries }) => ({ data: { ...period, entries } }),
  });
}
