import type { ChatIntakeBody, ChatMessageView } from "../../../shared/api/chat.ts";
import { registrarRoles } from "../../../shared/api/roles.ts";
import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { recordIntake } from "../intake/service.ts";
import { registerPerson } from "../persons/register.ts";
import { type ConversationRow, runChatCommand } from "./guard.ts";
import { conversationMessages, requireConsent } from "./staff.ts";

/**
 * A conversation becomes an intake, with the young person's consent recorded: the person is
 * registered as she told who she is (persons/register.ts, find-or-register), and the intake
 * is recorded by the intake module's own recordIntake, with the messages the staff member
 * chose as its report text. Each step is its own audited transaction, as when a worker does
 * them by hand; the conversation then names the intake, and is still purged by its rule
 * (the intake keeps the text).
 */
export async function intakeFromChat(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
  input: ChatIntakeBody,
): Promise<{ intakeId: string; caseId: string | null; personId: string }> {
  const { conversation, messages } = await chosenMessages(
    database,
    actor,
    meta,
    conversationId,
    input,
  );
  const reportText = reportTextOf(conversation, messages);
  const person = await registerPerson(database, actor, meta, {
    identityNumber: input.identityNumber,
    givenName: input.givenName,
    familyName: input.familyName,
    sex: input.sex,
  });
  const recorded = await recordIntake(database, actor, meta, {
    person_id: person.id,
    unit_id: input.unitId,
    source: "the_person",
    channel: "digital",
    receivedAt: conversation.started_at.toISOString(),
    kind: input.kind,
    asked_about_violence: input.kind === "report_of_concern" ? null : input.askedAboutViolence,
    violence_answer: null,
    report_text: reportText,
    reported_on: null,
    reporter_organisation: null,
    reporter_name: null,
    reporter_phone: null,
    reporter_email: null,
    interpreter_needed: false,
    interpreter_language: null,
    children_in_household: null,
    information_only_reason: null,
  });
  const intakeId = recorded.intake.id;
  await runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.intake",
    lock: true,
    run: (trx) =>
      trx
        .updateTable("chat_conversation")
        .set({ intake_id: intakeId })
        .where("id", "=", conversationId)
        .execute(),
    event: () => ({ intakeId }),
  });
  return { intakeId, caseId: recorded.case?.id ?? recorded.intake.caseId, personId: person.id };
}

const stampFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});
const stamp = (d: Date) => stampFormat.format(d);

/** The conversation (consent recorded, no intake yet) and the messages the staff member chose. */
async function chosenMessages(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
  input: ChatIntakeBody,
) {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.read",
    run: async (trx, c) => {
      requireConsent(c);
      // Checked before anyone is registered for an intake that could not be recorded.
      if (!unitsWithRole(actor, registrarRoles).includes(input.unitId)) {
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          unitId:
            "Du kan bara registrera aktualiseringar på en enhet där du har en roll. Lämna över samtalet i stället.",
        });
      }
      if (c.intake_id) {
        throw new AppError(409, "conflict", "En aktualisering är redan gjord från samtalet.");
      }
      const messages = (await conversationMessages(trx, c.id)).filter((m) =>
        input.messageIds.includes(m.id),
      );
      if (messages.length !== new Set(input.messageIds).size) {
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          messageIds: "Välj bland samtalets meddelanden.",
        });
      }
      return { conversation: c, messages };
    },
  });
}

/** Her consent quoted, then the chosen messages with their times: the intake's report text. */
function reportTextOf(conversation: ConversationRow, messages: ChatMessageView[]): string {
  const consent = `Samtycke i chatten ${stamp(conversation.consent_at as Date)}: "${conversation.consent_words}"`;
  const lines = messages.map(
    (m) =>
      `[${stamp(new Date(m.sentAt))}] ${m.sender === "young" ? "Den unga" : `Personal (${m.authorName})`}: ${m.body}`,
  );
  const reportText = ["Från chatten för unga.", consent, "", ...lines].join("\n");
  if (reportText.length > 8000) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      messageIds: "Texten blir för lång för en aktualisering: välj färre meddelanden.",
    });
  }
  return reportText;
}
