import type {
  RestrainingOrder,
  RestrainingOrderInput,
  SafetyAlarm,
  SafetyAlarmInput,
} from "../../api/endpoints";

/*
 * Pure rules of the police panel: a form's texts as the API takes them (an empty field is
 * "not given"), and a record as the change of one of its facts sends it (the whole record,
 * with the version it was read at). The server checks everything again.
 */

/** An empty or blank text is not given. */
export const given = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/** A restraining order as a change sends it, with `changes` applied. */
export function orderChange(
  order: RestrainingOrder,
  changes: Partial<RestrainingOrderInput>,
): RestrainingOrderInput & { version: number } {
  return {
    kind: order.kind,
    status: order.status,
    protectedPersonId: order.protectedPersonId,
    againstRelationId: order.againstRelationId,
    // Named through a relation, the name shown is the case's: only the relation is sent.
    againstName: order.againstRelationId ? null : order.againstName,
    appliedOn: order.appliedOn,
    validFrom: order.validFrom,
    validUntil: order.validUntil,
    endedOn: order.endedOn,
    reference: order.reference,
    decidedBy: order.decidedBy,
    policeAssessmentId: order.policeAssessmentId,
    renewalConsideredOn: order.renewalConsideredOn,
    note: order.note,
    ...changes,
    version: order.version,
  };
}

/** An alarm as a change sends it, with `changes` applied. */
export function alarmChange(
  alarm: SafetyAlarm,
  changes: Partial<SafetyAlarmInput>,
): SafetyAlarmInput & { version: number } {
  return {
    kind: alarm.kind,
    validFrom: alarm.validFrom,
    validUntil: alarm.validUntil,
    followUpOn: alarm.followUpOn,
    followedUpOn: alarm.followedUpOn,
    suppliedBy: alarm.suppliedBy,
    returnedOn: alarm.returnedOn,
    policeAssessmentId: alarm.policeAssessmentId,
    note: alarm.note,
    ...changes,
    version: alarm.version,
  };
}

/** A granted order whose renewal has not been considered: Att göra asks about it. */
export const asksForRenewal = (order: RestrainingOrder) =>
  order.status === "granted" && order.renewalConsideredOn === null;
