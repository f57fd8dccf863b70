import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import {
  type BreakGlassBody,
  type BreakGlassOpened,
  breakGlassMinutes,
} from "../../../shared/api/break-glass.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { smtpMailer } from "../notifications/mailer.ts";

/**
 * Break-glass (issue 19, item 6): a worker with a casework role opens a read-only access of
 * breakGlassMinutes to a case they cannot see, naming it by its reference and saying why
 * (docs/adr/0025). The database function frid_break_glass (migration 0080) does the checks and
 * the grant in one step; this records the trail and tells the case's managers.
 */

/** What telling the managers by e-mail needs: the settings and where to log a failed send. */
export interface MailContext {
  config: Config;
  logger: FastifyBaseLogger;
}

interface Outcome {
  outcome: "granted" | "no_role" | "not_found" | "barred" | "visible";
  case_id: string | null;
  person_id: string | null;
  unit_id: string | null;
  grant_id: string | null;
  expires_at: Date | string | null;
  notify: string[] | null;
}

/**
 * One answer for a case that does not exist, is another organisation's, or is behind a
 * barrier from the worker: a refusal must not tell which (that the case exists, or that it
 * is the other side of a barrier, is itself what the barrier protects).
 */
const notPossible = () =>
  new AppError(
    404,
    "not_found",
    "Nödåtkomst kan inte ges till det ärendet. Kontrollera diarienumret, eller be ärendets enhetschef om åtkomst.",
  );

export async function openBreakGlass(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: BreakGlassBody,
  mail: MailContext,
): Promise<BreakGlassOpened> {
  const result = await withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<Outcome>`
      select * from frid_break_glass(${input.reference}, ${input.reason}, ${breakGlassMinutes})`.execute(
      trx,
    );
    const r = rows[0] as Outcome;
    const granted = r.outcome === "granted";
    if (r.outcome !== "visible") {
      // Granted or refused, the trail names the case (when there is one) and the reason.
      await recordAudit(trx, auditContext(actor, meta), [
        {
          action: granted ? "break_glass.open" : "break_glass.denied",
          outcome: granted ? "allowed" : "denied",
          resourceType: "case",
          resourceId: r.case_id,
          personId: r.person_id,
          unitId: r.unit_id,
          reason: input.reason,
          data: granted
            ? { grantId: String(r.grant_id), expiresAt: isoOf(r.expires_at) }
            : { why: r.outcome as "no_role" | "not_found" | "barred" },
        },
      ]);
    }
    return r;
  });
  if (result.outcome === "no_role")
    throw new AppError(
      403,
      "forbidden",
      "Nödåtkomst är till för den som arbetar med ärenden (handläggare, behandlare, skyddshandläggare).",
    );
  if (result.outcome === "visible")
    throw new AppError(
      409,
      "conflict",
      "Du har redan åtkomst till ärendet. Öppna det från ärendelistan.",
    );
  if (result.outcome !== "granted") throw notPossible();
  await tellManagers(result.notify ?? [], mail);
  return { caseId: String(result.case_id), expiresAt: isoOf(result.expires_at) };
}

const isoOf = (d: Date | string | null) =>
  (d instanceof Date ? d : new Date(String(d))).toISOString();

/**
 * After the commit, an e-mail to each manager of the case's unit who gave an address for
 * notices. It says only that there is an access to review — no case, person or worker: an
 * e-mail leaves Frid's protection. A failed send is logged; the line on Att göra and the
 * notification remain.
 */
async function tellManagers(addresses: string[], mail: MailContext): Promise<void> {
  const settings = mail.config.mail;
  if (!settings || addresses.length === 0) return;
  const mailer = smtpMailer(settings);
  try {
    for (const to of addresses) {
      try {
        await mailer.send({
          to,
          subject: "Frid: nödåtkomst att granska",
          text: [
            "En medarbetare har använt nödåtkomst till ett ärende på en enhet du är chef för.",
            "Granska åtkomsten i Frid under Nödåtkomst – granskning:",
            new URL("break-glass/reviews", withSlash(settings.publicUrl)).toString(),
          ].join("\n\n"),
        });
      } catch (error) {
        mail.logger.warn({ err: error }, "a break-glass notice could not be e-mailed");
      }
    }
  } finally {
    mailer.close();
  }
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
