import type { z } from "zod";
import { type AuditActionCode, auditActions } from "../../shared/api/audit-actions";
import type { CaseType, relationKinds } from "../../shared/api/cases";
import type { ConsentForm, CourtOutcome, PlacementBasis } from "../../shared/api/child-placement";
import type { DecisionOutcome, InterventionKind, LetterDelivery } from "../../shared/api/decisions";
import type { intakeChannels, intakeKinds, intakeSources } from "../../shared/api/intake";
import type { InvestigationSection } from "../../shared/api/investigation";
import type { JournalEntryType } from "../../shared/api/journal";
import type { IdentityKind, ProtectionLevel, Sex } from "../../shared/api/persons";
import type { FollowUpOutcome } from "../../shared/api/plans";
import type { Role, unitKinds } from "../../shared/api/roles";
import type { MeasureKind, MeasureStatus } from "../../shared/api/safety-plans";
import type { stayEndReasons } from "../../shared/api/stays";
import type { taskKinds } from "../../shared/api/tasks";
import type { worklistKinds } from "../../shared/api/worklist";
import type { CaseClosedReason, CaseStatus } from "../../shared/case-status";
import type { InstrumentDefinition } from "../../shared/instruments/definition";
import type { DayOff } from "../../shared/working-hours";
import type { PlainMessageKey } from "./messages";

/*
 * Catalogue keys for the codes the API sends. Typed as full records, so a new role, case
 * type, … in src/shared does not compile until it has a Swedish (and English) name.
 */

export const roleLabels: Readonly<Record<Role, PlainMessageKey>> = {
  caseworker: "role.caseworker",
  therapist: "role.therapist",
  protection_officer: "role.protection_officer",
  unit_manager: "role.unit_manager",
  administrator: "role.administrator",
  analyst: "role.analyst",
  consultant: "role.consultant",
  housing_coordinator: "role.housing_coordinator",
  shelter_staff: "role.shelter_staff",
};

export const caseTypeLabels: Readonly<Record<CaseType, PlainMessageKey>> = {
  adult_victim: "caseType.adult_victim",
  child: "caseType.child",
  perpetrator: "caseType.perpetrator",
  partner_contact: "caseType.partner_contact",
};

export const journalEntryTypeLabels: Readonly<Record<JournalEntryType, PlainMessageKey>> = {
  conversation: "journalType.conversation",
  home_visit: "journalType.home_visit",
  phone: "journalType.phone",
  meeting: "journalType.meeting",
  agency_consultation: "journalType.agency_consultation",
  other: "journalType.other",
};

export const sexLabels: Readonly<Record<z.infer<typeof Sex>, PlainMessageKey>> = {
  female: "sex.female",
  male: "sex.male",
  other: "sex.other",
  unknown: "sex.unknown",
};

export const identityKindLabels: Readonly<Record<z.infer<typeof IdentityKind>, PlainMessageKey>> = {
  personal_identity_number: "identityKind.personal_identity_number",
  coordination_number: "identityKind.coordination_number",
  reserve_number: "identityKind.reserve_number",
  unidentified: "identityKind.unidentified",
};

export const protectionLevelLabels: Readonly<
  Record<z.infer<typeof ProtectionLevel>, PlainMessageKey>
> = {
  none: "protectionLevel.none",
  confidentiality_marking: "protectionLevel.confidentiality_marking",
  protected_registration: "protectionLevel.protected_registration",
  fictitious_identity: "protectionLevel.fictitious_identity",
};

export const unitKindLabels: Readonly<Record<(typeof unitKinds)[number], PlainMessageKey>> = {
  adult_services: "unitKind.adult_services",
  child_services: "unitKind.child_services",
  crisis_centre: "unitKind.crisis_centre",
  resource_function: "unitKind.resource_function",
  shelter: "unitKind.shelter",
};

export const instrumentKindLabels: Readonly<Record<InstrumentDefinition["kind"], PlainMessageKey>> =
  {
    screening: "instrumentKind.screening",
    violence_description: "instrumentKind.violence_description",
    danger_assessment: "instrumentKind.danger_assessment",
    child_safety: "instrumentKind.child_safety",
    spj: "instrumentKind.spj",
  };

export const caseStatusLabels: Readonly<Record<CaseStatus, PlainMessageKey>> = {
  intake: "caseStatus.intake",
  preliminary_assessment: "caseStatus.preliminary_assessment",
  investigation: "caseStatus.investigation",
  implementation: "caseStatus.implementation",
  follow_up: "caseStatus.follow_up",
  closed: "caseStatus.closed",
};

/** The button that moves a case to a status: "Till utredning", "Avsluta ärendet" … */
export const caseStatusActionLabels: Readonly<Record<CaseStatus, PlainMessageKey>> = {
  intake: "caseStatusTo.intake",
  preliminary_assessment: "caseStatusTo.preliminary_assessment",
  investigation: "caseStatusTo.investigation",
  implementation: "caseStatusTo.implementation",
  follow_up: "caseStatusTo.follow_up",
  closed: "caseStatusTo.closed",
};

export const closedReasonLabels: Readonly<Record<CaseClosedReason, PlainMessageKey>> = {
  goal_reached: "closedReason.goal_reached",
  no_investigation_opened: "closedReason.no_investigation_opened",
  needs_met_elsewhere: "closedReason.needs_met_elsewhere",
  client_declined: "closedReason.client_declined",
  moved: "closedReason.moved",
  other: "closedReason.other",
  treatment_completed: "closedReason.treatment_completed",
  treatment_dropped_out: "closedReason.treatment_dropped_out",
  treatment_ended_by_unit: "closedReason.treatment_ended_by_unit",
};

export const intakeSourceLabels: Readonly<Record<(typeof intakeSources)[number], PlainMessageKey>> =
  {
    the_person: "intakeSource.the_person",
    police: "intakeSource.police",
    health_care: "intakeSource.health_care",
    school: "intakeSource.school",
    other_authority: "intakeSource.other_authority",
    ngo: "intakeSource.ngo",
    anonymous: "intakeSource.anonymous",
    other: "intakeSource.other",
  };

export const intakeChannelLabels: Readonly<
  Record<(typeof intakeChannels)[number], PlainMessageKey>
> = {
  phone: "intakeChannel.phone",
  visit: "intakeChannel.visit",
  letter: "intakeChannel.letter",
  email: "intakeChannel.email",
  digital: "intakeChannel.digital",
  other: "intakeChannel.other",
};

export const intakeKindLabels: Readonly<Record<(typeof intakeKinds)[number], PlainMessageKey>> = {
  application: "intakeKind.application",
  report_of_concern: "intakeKind.report_of_concern",
  request_for_information: "intakeKind.request_for_information",
};

export const relationKindLabels: Readonly<Record<(typeof relationKinds)[number], PlainMessageKey>> =
  {
    partner: "relationKind.partner",
    former_partner: "relationKind.former_partner",
    parent: "relationKind.parent",
    child: "relationKind.child",
    sibling: "relationKind.sibling",
    other_relative: "relationKind.other_relative",
  };

export const worklistKindLabels: Readonly<Record<(typeof worklistKinds)[number], PlainMessageKey>> =
  {
    protection_assessment: "worklistKind.protection_assessment",
    preliminary_assessment: "worklistKind.preliminary_assessment",
    child_investigation: "worklistKind.child_investigation",
    unsigned_draft: "worklistKind.unsigned_draft",
    follow_up: "worklistKind.follow_up",
    children_to_assess: "worklistKind.children_to_assess",
    court_submission: "worklistKind.court_submission",
    court_ruling: "worklistKind.court_ruling",
    placement_review: "worklistKind.placement_review",
    consent_revoked: "worklistKind.consent_revoked",
    reassessment: "worklistKind.reassessment",
    safety_plan: "worklistKind.safety_plan",
    barrier_notice: "worklistKind.barrier_notice",
    risk_alert_escalated: "worklistKind.risk_alert_escalated",
    partner_unassigned: "worklistKind.partner_unassigned",
    partner_closing_conversation: "worklistKind.partner_closing_conversation",
    partner_follow_up: "worklistKind.partner_follow_up",
    child_concern: "worklistKind.child_concern",
    stay_decision_ends: "worklistKind.stay_decision_ends",
    stay_child_school: "worklistKind.stay_child_school",
    stay_follow_up: "worklistKind.stay_follow_up",
    agreement_follow_up: "worklistKind.agreement_follow_up",
    agency_contact_unconfirmed: "worklistKind.agency_contact_unconfirmed",
    referral_unanswered: "worklistKind.referral_unanswered",
    coordinated_plan_due: "worklistKind.coordinated_plan_due",
    conference_action: "worklistKind.conference_action",
    restraining_order_ends: "worklistKind.restraining_order_ends",
    safety_alarm_follow_up: "worklistKind.safety_alarm_follow_up",
    break_glass_review: "worklistKind.break_glass_review",
    protection_checklist: "worklistKind.protection_checklist",
    log_review_due: "worklistKind.log_review_due",
  };

export const investigationSectionLabels: Readonly<Record<InvestigationSection, PlainMessageKey>> = {
  acute_needs: "investigation.section.acute_needs",
  short_and_long_term_needs: "investigation.section.short_and_long_term_needs",
  nature_and_extent_of_violence: "investigation.section.nature_and_extent_of_violence",
  risk_of_further_violence: "investigation.section.risk_of_further_violence",
  network: "investigation.section.network",
  children_in_household: "investigation.section.children_in_household",
  support_as_parent: "investigation.section.support_as_parent",
  childs_account: "investigation.section.childs_account",
  safety: "investigation.section.safety",
  needs: "investigation.section.needs",
  parents_capacity: "investigation.section.parents_capacity",
};

export const interventionKindLabels: Readonly<
  Record<z.infer<typeof InterventionKind>, PlainMessageKey>
> = {
  sheltered_housing: "intervention.sheltered_housing",
  emergency_flat: "intervention.emergency_flat",
  financial_aid: "intervention.financial_aid",
  support_talks: "intervention.support_talks",
  trauma_talks: "intervention.trauma_talks",
  contact_person: "intervention.contact_person",
  protected_data_help: "intervention.protected_data_help",
  authority_support: "intervention.authority_support",
  parenting_support: "intervention.parenting_support",
  other: "intervention.other",
  other_housing: "intervention.other_housing",
};

export const decisionOutcomeLabels: Readonly<
  Record<z.infer<typeof DecisionOutcome>, PlainMessageKey>
> = {
  granted: "decisionOutcome.granted",
  partly_granted: "decisionOutcome.partly_granted",
  denied: "decisionOutcome.denied",
};

export const placementBasisLabels: Readonly<Record<PlacementBasis, PlainMessageKey>> = {
  custodians_consent: "placement.basis.custodians_consent",
  court_2024_79: "placement.basis.court_2024_79",
};

export const consentFormLabels: Readonly<Record<z.infer<typeof ConsentForm>, PlainMessageKey>> = {
  written: "placement.consentForm.written",
  oral: "placement.consentForm.oral",
};

export const courtOutcomeLabels: Readonly<Record<z.infer<typeof CourtOutcome>, PlainMessageKey>> = {
  approved: "placement.courtOutcome.approved",
  rejected: "placement.courtOutcome.rejected",
};

export const letterReasonLabels: Readonly<
  Record<NonNullable<LetterDelivery["reason"]>, PlainMessageKey>
> = {
  letters_not_allowed: "letter.reason.letters_not_allowed",
  not_asked: "letter.reason.not_asked",
  no_address: "letter.reason.no_address",
  protected_registration: "letter.reason.protected_registration",
  fictitious_identity: "letter.reason.fictitious_identity",
  location_withheld: "letter.reason.location_withheld",
};

export const taskKindLabels: Readonly<Record<(typeof taskKinds)[number], PlainMessageKey>> = {
  assess_children_witnessed_violence: "tasks.kind.assess_children_witnessed_violence",
  partner_closing_conversation: "tasks.kind.partner_closing_conversation",
  partner_follow_up: "tasks.kind.partner_follow_up",
  report_child_concern: "tasks.kind.report_child_concern",
};

export const followUpOutcomeLabels: Readonly<
  Record<z.infer<typeof FollowUpOutcome>, PlainMessageKey>
> = {
  goal_reached: "followUpOutcome.goal_reached",
  partly_reached: "followUpOutcome.partly_reached",
  not_reached: "followUpOutcome.not_reached",
};

export const measureKindLabels: Readonly<Record<z.infer<typeof MeasureKind>, PlainMessageKey>> = {
  safe_place: "measureKind.safe_place",
  code_word: "measureKind.code_word",
  trusted_people: "measureKind.trusted_people",
  emergency_phone: "measureKind.emergency_phone",
  safety_alarm: "measureKind.safety_alarm",
  contact_ban: "measureKind.contact_ban",
  school_informed: "measureKind.school_informed",
  other: "measureKind.other",
};

export const measureStatusLabels: Readonly<Record<z.infer<typeof MeasureStatus>, PlainMessageKey>> =
  {
    planned: "measureStatus.planned",
    in_place: "measureStatus.in_place",
    ended: "measureStatus.ended",
  };

/**
 * Audit action codes (the shared list, src/shared/api/audit-actions.ts, which the server must
 * cover) → what a unit manager reads in Loggkontroll. A code not listed is shown as it is: an
 * entry must always be visible, never hidden or guessed at.
 */
export { auditActions };

const auditActionLabels: Readonly<Record<AuditActionCode, PlainMessageKey>> = Object.fromEntries(
  auditActions.map((code) => [code, `auditAction.${code}` as const]),
) as Record<AuditActionCode, `auditAction.${AuditActionCode}`>;

type PlainT = (key: PlainMessageKey) => string;

/** A label for a code the API sends as a plain string: the catalogue's, else the code. */
function labelOrCode(labels: Readonly<Record<string, PlainMessageKey>>, code: string, t: PlainT) {
  const key = Object.hasOwn(labels, code) ? labels[code] : undefined;
  return key ? t(key) : code;
}

export const auditActionLabel = (code: string, t: PlainT) =>
  labelOrCode(auditActionLabels, code, t);
/**
 * The status in words. A treatment unit's cases have their own words for two steps: his
 * case's investigation step is the treatment's assessment phase, its implementation the
 * treatment; her partner-contact case's implementation is the contact under way.
 */
const treatmentStatusLabels: Readonly<
  Partial<Record<string, Partial<Record<CaseStatus, PlainMessageKey>>>>
> = {
  perpetrator: {
    investigation: "caseStatus.perpetrator.investigation",
    implementation: "caseStatus.perpetrator.implementation",
  },
  partner_contact: { implementation: "caseStatus.partner_contact.implementation" },
};
export const caseStatusLabel = (code: string, t: PlainT, caseType?: string) => {
  const own = caseType ? treatmentStatusLabels[caseType]?.[code as CaseStatus] : undefined;
  return own ? t(own) : labelOrCode(caseStatusLabels, code, t);
};
export const roleLabel = (code: string, t: PlainT) => labelOrCode(roleLabels, code, t);
/** The instrument kind in words; the code itself for a kind this build does not know. */
export const instrumentKindLabel = (code: string, t: PlainT) =>
  labelOrCode(instrumentKindLabels, code, t);
export const caseTypeLabel = (code: string, t: PlainT) => labelOrCode(caseTypeLabels, code, t);
export const closedReasonLabel = (code: string, t: PlainT) =>
  labelOrCode(closedReasonLabels, code, t);
export const journalEntryTypeLabel = (code: string, t: PlainT) =>
  labelOrCode(journalEntryTypeLabels, code, t);
/** The intervention's name in the UI's language; the catalogue's own name for a new kind. */
export const interventionLabel = (code: string, fallback: string, t: PlainT) => {
  const label = labelOrCode(interventionKindLabels, code, t);
  return label === code ? fallback : label;
};
export const decisionOutcomeLabel = (code: string, t: PlainT) =>
  labelOrCode(decisionOutcomeLabels, code, t);

/** Why a stay ended, the same words for the caseworker and the shelter's staff. */
export const stayEndReasonLabels: Readonly<
  Record<(typeof stayEndReasons)[number], PlainMessageKey>
> = {
  own_housing: "stays.endReason.own_housing",
  back_home: "stays.endReason.back_home",
  other_municipality: "stays.endReason.other_municipality",
  left_without_notice: "stays.endReason.left_without_notice",
  other: "stays.endReason.other",
};

/** What a counted day is when lag (1930:173) moves a last day past it. */
export const dayOffLabels: Readonly<Record<DayOff, PlainMessageKey>> = {
  saturday: "dayOff.saturday",
  sunday: "dayOff.sunday",
  new_years_day: "dayOff.new_years_day",
  epiphany: "dayOff.epiphany",
  good_friday: "dayOff.good_friday",
  easter_sunday: "dayOff.easter_sunday",
  easter_monday: "dayOff.easter_monday",
  may_day: "dayOff.may_day",
  ascension_day: "dayOff.ascension_day",
  whit_sunday: "dayOff.whit_sunday",
  national_day: "dayOff.national_day",
  midsummer_eve: "dayOff.midsummer_eve",
  midsummer_day: "dayOff.midsummer_day",
  all_saints_day: "dayOff.all_saints_day",
  christmas_eve: "dayOff.christmas_eve",
  christmas_day: "dayOff.christmas_day",
  boxing_day: "dayOff.boxing_day",
  new_years_eve: "dayOff.new_years_eve",
};
