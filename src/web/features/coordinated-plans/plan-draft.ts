import type {
  PlanMeeting,
  PlanParticipant,
  PlanResponsibility,
} from "../../../shared/api/coordinated-plans";
import type { CoordinatedPlan, CoordinatedPlanChoices, SaveCoordinatedPlanInput } from "./api";

/**
 * The SIP as the page edits it: the whole plan in one draft, saved whole from the version it
 * was read at. Dates are "" when empty (the date fields' value) and null when sent.
 */
export interface PlanDraft {
  goals: string[];
  participants: PlanParticipant[];
  responsibilities: (Omit<PlanResponsibility, "doneOn"> & { doneOn: string })[];
  meetings: (Omit<PlanMeeting, "heldOn"> & { heldOn: string })[];
  coordinatorKey: string;
  followUpOn: string;
  followedUpOn: string;
  followUpFindings: string;
}

export function draftOf(plan: CoordinatedPlan): PlanDraft {
  return {
    goals: [...plan.goals],
    participants: plan.participants.map((p) => ({ ...p })),
    responsibilities: plan.responsibilities.map((r) => ({ ...r, doneOn: r.doneOn ?? "" })),
    meetings: plan.meetings.map((m) => ({ ...m, heldOn: m.heldOn ?? "" })),
    coordinatorKey: plan.coordinatorKey ?? "",
    followUpOn: plan.followUpOn ?? "",
    followedUpOn: plan.followedUpOn ?? "",
    followUpFindings: plan.followUpFindings,
  };
}

const orNull = (day: string) => (day === "" ? null : day);

/**
 * The save's body. An agency participant whose agency has not joined the plan joins with
 * this save, on her valid consent to share with that agency (the first one found).
 */
export function bodyOf(
  plan: CoordinatedPlan,
  draft: PlanDraft,
  choices: CoordinatedPlanChoices | null,
): SaveCoordinatedPlanInput {
  const joined = new Set(plan.agencies.map((a) => a.agencyId));
  const joining = [
    ...new Set(
      draft.participants
        .map((p) => p.agencyId)
        .filter((id): id is string => id !== null && !joined.has(id)),
    ),
  ];
  const newAgencies = joining.flatMap((agencyId) => {
    const consent = choices?.consents.find((c) => c.agencyId === agencyId && c.valid);
    return consent ? [{ agencyId, consentId: consent.id }] : [];
  });
  return {
    version: plan.version,
    goals: draft.goals,
    participants: draft.participants,
    responsibilities: draft.responsibilities.map((r) => ({ ...r, doneOn: orNull(r.doneOn) })),
    meetings: draft.meetings.map((m) => ({ ...m, heldOn: orNull(m.heldOn) })),
    coordinatorKey: orNull(draft.coordinatorKey),
    followUpOn: orNull(draft.followUpOn),
    followedUpOn: orNull(draft.followedUpOn),
    followUpFindings: draft.followUpFindings,
    newAgencies,
  };
}

/** A key no other row of the list has: the rows refer to participants by it. */
export function freshKey(prefix: string, taken: readonly { key: string }[]): string {
  const keys = new Set(taken.map((t) => t.key));
  let n = taken.length + 1;
  while (keys.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The agencies a participant may come from: those in the plan, and those she consented to. */
export function agencyChoices(plan: CoordinatedPlan, choices: CoordinatedPlanChoices | null) {
  const inPlan = plan.agencies.map((a) => ({ id: a.agencyId, name: a.name, joinsOn: null }));
  const more = (choices?.consents ?? [])
    .filter((c) => c.valid && !plan.agencies.some((a) => a.agencyId === c.agencyId))
    .filter((c, i, all) => all.findIndex((x) => x.agencyId === c.agencyId) === i)
    .map((c) => ({ id: c.agencyId, name: c.agencyName, joinsOn: c.givenOn }));
  return [...inPlan, ...more];
}
