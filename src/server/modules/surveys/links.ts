import { createHash, randomBytes } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { endOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Config } from "../../config.ts";
import { smtpMailer } from "../notifications/mailer.ts";

/**
 * A respondent's personal link: a random token of 256 bits, looked up by its SHA-256 (as a
 * session id is). Not signed: nothing needs reading from the link without the database, and a
 * random token cannot be forged or lengthened — the expiry, the survey and whether it has
 * answered live in the row the hash finds (docs/security.md, "Survey links"). The token
 * leaves the server once, in the answer to the request that made it (and in the e-mail, if
 * asked); only its hash is stored.
 */
export const newLinkToken = () => randomBytes(32).toString("base64url");

export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const answerPath = (token: string) => `/enkat/${token}`;

export interface Issued {
  respondentId: string;
  label: string;
  group: string;
  email: string | null;
  token: string;
}

/**
 * Makes a new link for each respondent named (replacing any earlier one, which stops
 * working): expiring at the end of the survey's closing day in Swedish time.
 */
export async function issueLinks(
  trx: Trx,
  survey: { id: string; closes_on: string },
  respondentIds: string[],
): Promise<Issued[]> {
  if (respondentIds.length === 0) return [];
  const expiresAt = endOfDay(survey.closes_on);
  const issued: Issued[] = [];
  const respondents = await trx
    .selectFrom("survey_respondent")
    .select(["id", "label", "group_label", "email"])
    .where("survey_id", "=", survey.id)
    .where("id", "in", respondentIds)
    .where("answered_at", "is", null)
    .orderBy("created_at")
    .orderBy("label")
    .orderBy("id")
    .execute();
  for (const r of respondents) {
    const token = newLinkToken();
    await trx
      .updateTable("survey_respondent")
      .set({
        token_hash: hashLinkToken(token),
        link_expires_at: expiresAt,
        link_issued_at: new Date(),
      })
      .where("id", "=", r.id)
      .execute();
    issued.push({
      respondentId: r.id,
      label: r.label,
      group: r.group_label,
      email: r.email,
      token,
    });
  }
  return issued;
}

/**
 * Sends each link to its respondent's address, after the links are committed. The mail holds
 * the link and the closing day — no name, nothing about anyone; a failure is logged without the
 * address and reported per respondent (the staff still have the link to copy).
 */
export async function mailLinks(
  config: Config,
  logger: FastifyBaseLogger,
  survey: { title: string; unitName: string; closesOn: string },
  links: Issued[],
): Promise<Map<string, boolean>> {
  const sent = new Map<string, boolean>();
  const mail = config.mail;
  if (!mail) return sent;
  const mailer = smtpMailer(mail);
  try {
    for (const link of links) {
      if (!link.email) continue;
      try {
        await mailer.send({
          to: link.email,
          subject: `Enkät: ${survey.title}`,
          text: linkMailText(
            survey,
            new URL(answerPath(link.token).slice(1), withSlash(mail.publicUrl)).toString(),
          ),
        });
        sent.set(link.respondentId, true);
      } catch (error) {
        logger.warn({ err: error }, "a survey link could not be e-mailed");
        sent.set(link.respondentId, false);
      }
    }
  } finally {
    mailer.close();
  }
  return sent;
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);

export function linkMailText(
  survey: { title: string; unitName: string; closesOn: string },
  url: string,
): string {
  return [
    `${survey.unitName} vill veta vilka kompetensbehov din verksamhet har.`,
    "",
    `Enkät: ${survey.title}`,
    `Svara senast ${survey.closesOn} via din personliga länk:`,
    url,
    "",
    "Länken kan användas för ett svar. Du behöver inget konto, och enkäten frågar inte efter några personuppgifter.",
    "Dela inte länken vidare.",
  ].join("\n");
}

/** The links as the staff see them, once; `emailed` null where no e-mail was asked for. */
export const linkViews = (issued: Issued[], sent: Map<string, boolean> | null) =>
  issued.map((l) => ({
    respondentId: l.respondentId,
    label: l.label,
    group: l.group,
    token: l.token,
    path: answerPath(l.token),
    emailed: sent && l.email ? (sent.get(l.respondentId) ?? false) : null,
  }));
