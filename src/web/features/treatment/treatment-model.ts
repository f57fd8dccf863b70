import {
  type attendanceKinds,
  EndTreatmentBody,
  RecordSessionBody,
  RegisterTreatmentBody,
  type referralSources,
  StartTreatmentBody,
  type treatmentEndKinds,
  type treatmentPhases,
} from "../../../shared/api/treatment";
import type {
  EndTreatmentInput,
  RecordSessionInput,
  RegisterTreatmentInput,
  Treatment,
} from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, formIssues } from "../../ui/form-issues";
import { type OutcomeDraft, withOutcome } from "../outcomes/outcome-model";

/*
 * Pure rules for the treatment of a man who uses violence (a perpetrator case at a
 * Kriscentrum): registered (how he came), an assessment phase, treatment with sessions, and
 * an end with its kind and reason. What each form holds, what can be told before sending,
 * and the words for the codes. The server checks everything again (e.g. no future dates).
 */

export type ReferralSource = (typeof referralSources)[number];
export type TreatmentPhase = (typeof treatmentPhases)[number];
export type TreatmentEndKind = (typeof treatmentEndKinds)[number];
export type Attendance = (typeof attendanceKinds)[number];

export const referralSourceOptions: readonly ReferralSource[] = [
  "self",
  "social_services",
  "police_probation",
];
export const attendanceOptions: readonly Attendance[] = ["attended", "cancelled", "no_show"];
export const endKindOptions: readonly TreatmentEndKind[] = [
  "completed",
  "dropped_out",
  "ended_by_unit",
];

export const referralSourceLabels: Readonly<Record<ReferralSource, PlainMessageKey>> = {
  self: "treatment.referral.self",
  social_services: "treatment.referral.social_services",
  police_probation: "treatment.referral.police_probation",
};

export const phaseLabels: Readonly<Record<TreatmentPhase, PlainMessageKey>> = {
  assessment: "treatment.phase.assessment",
  treatment: "treatment.phase.treatment",
  ended: "treatment.phase.ended",
};

export const attendanceLabels: Readonly<Record<Attendance, PlainMessageKey>> = {
  attended: "treatment.attendance.attended",
  cancelled: "treatment.attendance.cancelled",
  no_show: "treatment.attendance.no_show",
};

export const endKindLabels: Readonly<Record<TreatmentEndKind, PlainMessageKey>> = {
  completed: "treatment.endKind.completed",
  dropped_out: "treatment.endKind.dropped_out",
  ended_by_unit: "treatment.endKind.ended_by_unit",
};

/* ---- Registration: how he came to the unit ---- */

export interface RegisterDraft {
  referralSource: ReferralSource | "";
  referredOn: string;
}

/** The date is left empty: the first contact is seldom the day it is registered. */
export const emptyRegisterDraft: RegisterDraft = { referralSource: "", referredOn: "" };

export const registerFields = ["referralSource", "referredOn"] as const;
export type RegisterField = (typeof registerFields)[number];

export const checkRegister = (
  draft: RegisterDraft,
): Checked<RegisterTreatmentInput, RegisterField> =>
  formIssues(RegisterTreatmentBody, draft, {
    referralSource: "treatment.errorReferralSource",
    referredOn: "treatment.errorReferredOn",
  });

/* ---- Start of the treatment proper ---- */

export const startFields = ["startedOn"] as const;

export const checkStart = (startedOn: string): Checked<{ startedOn: string }, "startedOn"> =>
  formIssues(StartTreatmentBody, { startedOn }, { startedOn: "treatment.errorStartedOn" });

/* ---- A session ---- */

export interface SessionDraft {
  heldOn: string;
  attendance: Attendance | "";
}

export const sessionFields = ["heldOn", "attendance"] as const;
export type SessionField = (typeof sessionFields)[number];

export const checkSession = (draft: SessionDraft): Checked<RecordSessionInput, SessionField> =>
  formIssues(RecordSessionBody, draft, {
    heldOn: "treatment.errorHeldOn",
    attendance: "treatment.errorAttendance",
  });

/* ---- The end ---- */

export interface EndDraft {
  endedOn: string;
  kind: TreatmentEndKind | "";
  reason: string;
}

export const endFields = ["endedOn", "kind", "reason", "outcome"] as const;
type EndField = (typeof endFields)[number] | "outcome.notAssessedReason";

/**
 * The end and the outcome it closes the case with. A running treatment's case is in its
 * assessment or treatment phase, where closing asks whether the goal was reached
 * (outcomeRequired): the end always asks, as the close form of an investigated case does.
 */
export const checkEnd = (
  draft: EndDraft,
  outcome: OutcomeDraft,
): Checked<EndTreatmentInput, EndField> =>
  withOutcome(
    formIssues(EndTreatmentBody, draft, {
      endedOn: "treatment.errorEndedOn",
      kind: "treatment.errorEndKind",
      reason: "treatment.errorEndReason",
    }),
    outcome,
  );

/* ---- What the panel offers ---- */

/** Which forms the treatment's state calls for (none once it has ended or without writing). */
export function treatmentForms(treatment: Treatment | null, canWrite: boolean) {
  const open = canWrite && treatment !== null && treatment.phase !== "ended";
  return {
    register: canWrite && treatment === null,
    start: open && treatment?.phase === "assessment",
    session: open,
    end: open,
  };
}
