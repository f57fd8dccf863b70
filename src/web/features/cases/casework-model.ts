import { intakeChannels, intakeKinds, intakeSources } from "../../../shared/api/intake";
import { type CaseStatus, type ClosedReason, closedReasons } from "../../../shared/case-status";
import { intakeQuestions } from "../../../shared/intake-questions";
import type {
  ChangeStatusInput,
  PersonDetails,
  RecordIntakeInput,
  UpdatePersonInput,
} from "../../api/endpoints";
import { localDateTimeIso } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";

/*
 * Forms of the case work (status, intake, person details) as plain data: what a form holds
 * (strings, as inputs give them) → the body the API takes, or messages for the fields that
 * can be checked here. The server checks everything again.
 */

export type Checked<T> =
  | { ok: true; body: T }
  | { ok: false; fields: Record<string, PlainMessageKey> };

/** Empty or blank text → null; anything else trimmed. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

// ---- Status ----

/** A move that needs a form first (a reason or a comment), rather than a single button. */
export function needsStatusForm(from: CaseStatus, to: CaseStatus): boolean {
  return to === "closed" || from === "closed";
}

export interface StatusDraft {
  reason: ClosedReason | "";
  comment: string;
}

export function statusChange(
  from: CaseStatus,
  to: CaseStatus,
  draft: StatusDraft,
): Checked<ChangeStatusInput> {
  const comment = textOrNull(draft.comment);
  const fields: Record<string, PlainMessageKey> = {};
  if (to === "closed") {
    if (draft.reason === "") fields.reason = "status.chooseReason";
    else if (draft.reason === "other" && !comment) fields.comment = "status.commentRequired";
  }
  if (from === "closed" && !comment) fields.comment = "status.commentRequired";
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: { to, reason: to === "closed" && draft.reason !== "" ? draft.reason : null, comment },
  };
}

export const isClosedReason = (value: string): value is ClosedReason =>
  (closedReasons as readonly string[]).includes(value);

// ---- Intake (aktualisering) ----

type IntakeSource = (typeof intakeSources)[number];
type IntakeChannel = (typeof intakeChannels)[number];
export type IntakeKind = (typeof intakeKinds)[number];
export type YesNo = "yes" | "no";

export interface IntakeDraft {
  unitId: string;
  source: IntakeSource | "";
  channel: IntakeChannel | "";
  date: string;
  time: string;
  kind: IntakeKind;
  askedAboutViolence: YesNo | "";
  violenceAnswer: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  childrenInHousehold: string;
  informationOnlyReason: string;
  /** What was reported, the report's own date (ÅÅÅÅ-MM-DD, may be empty), and who reported. */
  reportText: string;
  reportedOn: string;
  reporterOrganisation: string;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string;
}

export function emptyIntakeDraft(unitId: string, now: { date: string; time: string }) {
  const draft: IntakeDraft = {
    unitId,
    source: "",
    channel: "",
    ...now,
    kind: "application",
    askedAboutViolence: "",
    violenceAnswer: "",
    interpreterNeeded: false,
    interpreterLanguage: "",
    childrenInHousehold: "",
    informationOnlyReason: "",
    reportText: "",
    reportedOn: "",
    reporterOrganisation: "",
    reporterName: "",
    reporterPhone: "",
    reporterEmail: "",
  };
  return draft;
}

export const isIntakeSource = (v: string): v is IntakeSource =>
  (intakeSources as readonly string[]).includes(v);
export const isIntakeChannel = (v: string): v is IntakeChannel =>
  (intakeChannels as readonly string[]).includes(v);
export const isIntakeKind = (v: string): v is IntakeKind =>
  (intakeKinds as readonly string[]).includes(v);

/**
 * The form → POST /api/intakes. Texts that only belong with an answer (the violence answer
 * after "yes", the interpreter language when one is needed, the reason for a request for
 * information) are sent only then, so a hidden field never carries stale text; the same
 * for the questions that do not fit the matter (shared/intake-questions.ts).
 */
export function intakeBody(personId: string, draft: IntakeDraft): Checked<RecordIntakeInput> {
  const fits = intakeQuestions(draft.kind, draft.source);
  const fields: Record<string, PlainMessageKey> = {};
  if (draft.source === "") fields.source = "intake.chooseSource";
  if (draft.channel === "") fields.channel = "intake.chooseChannel";
  const receivedAt = localDateTimeIso(draft.date, draft.time);
  if (!receivedAt) fields.receivedAt = "intake.receivedAtInvalid";
  if (fits.askedAboutViolence && draft.askedAboutViolence === "") {
    fields.askedAboutViolence = "intake.chooseAsked";
  }
  const interpreterLanguage = draft.interpreterNeeded
    ? textOrNull(draft.interpreterLanguage)
    : null;
  if (draft.interpreterNeeded && !interpreterLanguage) {
    fields.interpreterLanguage = "intake.languageRequired";
  }
  const childrenText = draft.childrenInHousehold.trim();
  const children = childrenText === "" ? null : Number(childrenText);
  if (children !== null && !(/^\d+$/.test(childrenText) && children <= 30)) {
    fields.childrenInHousehold = "intake.childrenInvalid";
  }
  const informationOnly = draft.kind === "request_for_information";
  const informationOnlyReason = informationOnly ? textOrNull(draft.informationOnlyReason) : null;
  if (informationOnly && !informationOnlyReason) {
    fields.informationOnlyReason = "intake.reasonRequired";
  }
  if (
    Object.keys(fields).length > 0 ||
    draft.source === "" ||
    draft.channel === "" ||
    !receivedAt
  ) {
    return { ok: false, fields };
  }
  const asked = fits.askedAboutViolence ? draft.askedAboutViolence === "yes" : null;
  return {
    ok: true,
    body: {
      personId,
      unitId: draft.unitId,
      source: draft.source,
      channel: draft.channel,
      receivedAt,
      kind: draft.kind,
      askedAboutViolence: asked,
      violenceAnswer: asked ? textOrNull(draft.violenceAnswer) : null,
      interpreterNeeded: draft.interpreterNeeded,
      interpreterLanguage,
      childrenInHousehold: children,
      informationOnlyReason,
      reportText: textOrNull(draft.reportText),
      reportedOn: textOrNull(draft.reportedOn),
      ...reporterOf(draft, fits.reporter),
    },
  };
}

/** The reporter's details, sent only when someone other than the person reported. */
function reporterOf(draft: IntakeDraft, fits: boolean) {
  const text = (value: string) => (fits ? textOrNull(value) : null);
  return {
    reporterOrganisation: text(draft.reporterOrganisation),
    reporterName: text(draft.reporterName),
    reporterPhone: text(draft.reporterPhone),
    reporterEmail: text(draft.reporterEmail),
  };
}

// ---- Person details: safe contact, language, contact ----

/** A yes/no question that may not have been asked yet ("Ej frågat"). */
export type Answer = "yes" | "no" | "unasked";

export const answerOf = (value: boolean | null): Answer =>
  value === null ? "unasked" : value ? "yes" : "no";
export const booleanOf = (answer: Answer): boolean | null =>
  answer === "unasked" ? null : answer === "yes";

export interface DetailsDraft {
  mayCall: Answer;
  mayLeaveVoicemail: Answer;
  maySendSms: Answer;
  maySendLetters: Answer;
  letterAddress: string;
  timesToAvoid: string;
  codeWord: string;
  notes: string;
  languages: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  phone: string;
  email: string;
  postalAddress: string;
}

export function detailsDraftOf(details: PersonDetails): DetailsDraft {
  const sc = details.safeContact;
  return {
    mayCall: answerOf(sc.mayCall),
    mayLeaveVoicemail: answerOf(sc.mayLeaveVoicemail),
    maySendSms: answerOf(sc.maySendSms),
    maySendLetters: answerOf(sc.maySendLetters),
    letterAddress: sc.letterAddress ?? "",
    timesToAvoid: sc.timesToAvoid ?? "",
    codeWord: sc.codeWord ?? "",
    notes: sc.notes ?? "",
    languages: details.languages.join(", "),
    interpreterNeeded: details.interpreterNeeded,
    interpreterLanguage: details.interpreterLanguage ?? "",
    phone: details.phone ?? "",
    email: details.email ?? "",
    postalAddress: details.postalAddress ?? "",
  };
}

/** "arabiska, Svenska ,, arabiska" → ["arabiska", "Svenska"]: trimmed, no blanks, no repeats. */
export function parseLanguages(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of text.split(",")) {
    const language = part.trim();
    if (language === "" || seen.has(language.toLowerCase())) continue;
    seen.add(language.toLowerCase());
    result.push(language);
  }
  return result;
}

/** The form → PATCH /api/persons/:id, every field (the form shows them all). */
export function detailsBody(draft: DetailsDraft): Checked<UpdatePersonInput> {
  const interpreterLanguage = draft.interpreterNeeded
    ? textOrNull(draft.interpreterLanguage)
    : null;
  if (draft.interpreterNeeded && !interpreterLanguage) {
    return { ok: false, fields: { interpreterLanguage: "intake.languageRequired" } };
  }
  const mayWrite = draft.maySendLetters === "yes";
  return {
    ok: true,
    body: {
      languages: parseLanguages(draft.languages),
      interpreterNeeded: draft.interpreterNeeded,
      interpreterLanguage,
      safeContact: {
        mayCall: booleanOf(draft.mayCall),
        mayLeaveVoicemail: booleanOf(draft.mayLeaveVoicemail),
        maySendSms: booleanOf(draft.maySendSms),
        maySendLetters: booleanOf(draft.maySendLetters),
        // An address for letters only means something when letters may be sent.
        letterAddress: mayWrite ? textOrNull(draft.letterAddress) : null,
        timesToAvoid: textOrNull(draft.timesToAvoid),
        codeWord: textOrNull(draft.codeWord),
        notes: textOrNull(draft.notes),
      },
      phone: textOrNull(draft.phone),
      email: textOrNull(draft.email),
      postalAddress: textOrNull(draft.postalAddress),
    },
  };
}
