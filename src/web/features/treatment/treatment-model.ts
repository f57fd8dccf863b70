import type {
  attendanceKinds,
  referralSources,
  treatmentEndKinds,
  treatmentPhases,
} from "../../../shared/api/treatment";
import type {
  EndTreatmentInput,
  RecordSessionInput,
  RegisterTreatmentInput,
  Treatment,
} from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, isDay } from "../../ui/form-checks";

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

export function checkRegister(
  draft: RegisterDraft,
): Checked<RegisterTreatmentInput, RegisterField> {
  const fields: Partial<Record<RegisterField, PlainMessageKey>> = {};
  if (draft.referralSource === "") fields.referralSource = "treatment.errorReferralSource";
  if (!isDay(draft.referredOn)) fields.referredOn = "treatment.errorReferredOn";
  if (draft.referralSource === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: { referralSource: draft.referralSource, referredOn: draft.referredOn },
  };
}

/* ---- Start of the treatment proper ---- */

export const startFields = ["startedOn"] as const;

export function checkStart(startedOn: string): Checked<{ startedOn: string }, "startedOn"> {
  if (!isDay(startedOn)) return { ok: false, fields: { startedOn: "treatment.errorStartedOn" } };
  return { ok: true, body: { startedOn } };
}

/* ---- A session ---- */

export interface SessionDraft {
  heldOn: string;
  attendance: Attendance | "";
}

export const sessionFields = ["heldOn", "attendance"] as const;
export type SessionField = (typeof sessionFields)[number];

export function checkSession(draft: SessionDraft): Checked<RecordSessionInput, SessionField> {
  const fields: Partial<Record<SessionField, PlainMessageKey>> = {};
  if (!isDay(draft.heldOn)) fields.heldOn = "treatment.errorHeldOn";
  if (draft.attendance === "") fields.attendance = "treatment.errorAttendance";
  if (draft.attendance === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { heldOn: draft.heldOn, attendance: draft.attendance } };
}

/* ---- The end ---- */

export interface EndDraft {
  endedOn: string;
  kind: TreatmentEndKind | "";
  reason: string;
}

export const endFields = ["endedOn", "kind", "reason"] as const;
export type EndField = (typeof endFields)[number];

export function checkEnd(draft: EndDraft): Checked<EndTreatmentInput, EndField> {
  const fields: Partial<Record<EndField, PlainMessageKey>> = {};
  if (!isDay(draft.endedOn)) fields.endedOn = "treatment.errorEndedOn";
  if (draft.kind === "") fields.kind = "treatment.errorEndKind";
  if (draft.reason.trim() === "") fields.reason = "treatment.errorEndReason";
  if (draft.kind === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: { endedOn: draft.endedOn, kind: draft.kind, reason: draft.reason.trim() },
  };
}

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
