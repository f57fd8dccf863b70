import type { ColumnType } from "kysely";
import type { BarrierEventKind } from "../../shared/api/barrier-events.ts";
import type { JointAgency, TrainingKind } from "../../shared/api/competence.ts";
import type {
  AskerOrganisationKind,
  ConsultationStage,
  ConsultationTopic,
  FollowUp,
} from "../../shared/api/consultations.ts";
import type { TaskKind } from "../../shared/api/tasks.ts";
import type { CaseClosedReason, CaseStatus } from "../../shared/case-status.ts";
import type { ChatHours } from "../../shared/chat-hours.ts";
import type { JsonColumn, Narrow, Replace } from "./narrow.ts";
import type { DB } from "./schema.generated.ts";
import type { CollaborationTables } from "./types-collaboration.ts";
import type { ProtectionTables } from "./types-protection.ts";

/**
 * The database as Kysely sees it: the table shapes are generated from the migrations
 * (schema.generated.ts, `npm run db:types`); this file only narrows what the database cannot
 * say in a type. A text column with a CHECK to a fixed set of values becomes that set's union
 * (so a switch over it is exhaustive and an API schema's enum accepts it), and a JSON column
 * gets the shape the code writes into it.
 */

export type RoleName =
  | "caseworker"
  | "therapist"
  | "protection_officer"
  | "unit_manager"
  | "administrator"
  | "analyst"
  | "consultant"
  | "housing_coordinator"
  | "shelter_staff";

export type SessionStateName =
  | "authenticated"
  | "mfa_required"
  | "mfa_enrolment_required"
  | "password_change_required";

/** Which identifier of an account a provider's login is matched to (migration 0103). */
export type IdentifierKind = "hsa_id" | "personal_identity_number" | "email" | "sub";

export type StatusTrigger =
  | "intake_application"
  | "intake_report_of_concern"
  | "treatment_registered"
  | "treatment_started"
  | "treatment_ended";

export type CaseTypeName = "adult_victim" | "child" | "perpetrator" | "partner_contact";

export type IdentityKind =
  | "personal_identity_number"
  | "coordination_number"
  | "reserve_number"
  | "unidentified";

export type ProtectionLevel =
  | "none"
  | "confidentiality_marking"
  | "protected_registration"
  | "fictitious_identity";

type SexName = "female" | "male" | "other" | "unknown";
type ConsentForm = "written" | "oral";
type Relationship = "current" | "former";

/** How and when it is safe to reach a person (säker kontakt). null: not yet asked. */
export interface SafeContact {
  mayCall?: boolean | null;
  mayLeaveVoicemail?: boolean | null;
  maySendLetters?: boolean | null;
  maySendSms?: boolean | null;
  letterAddress?: string | null;
  timesToAvoid?: string | null;
  codeWord?: string | null;
  notes?: string | null;
}

/** The tables whose generated shape is narrowed; every other table is exactly as generated. */
interface Narrowed extends CollaborationTables, ProtectionTables {
  organisation: Narrow<
    DB["organisation"],
    { kind: "municipality" | "region" | "foundation" | "association" }
  >;
  unit: Narrow<
    DB["unit"],
    {
      kind: "adult_services" | "child_services" | "crisis_centre" | "resource_function" | "shelter";
    }
  >;
  role_assignment: Narrow<DB["role_assignment"], { role: RoleName }>;
  session: Narrow<DB["session"], { state: SessionStateName }>;
  identity_provider: Narrow<
    DB["identity_provider"],
    { identifier_kind: IdentifierKind; protocol: "oidc" | "saml" }
  >;
  account_identifier: Narrow<DB["account_identifier"], { kind: IdentifierKind }>;
  relation: Narrow<
    DB["relation"],
    { kind: "partner" | "former_partner" | "parent" | "child" | "sibling" | "other_relative" }
  >;
  // A trigger (0026) fills the typed identity from the person when the owner leaves it out.
  person_registration: Replace<
    DB["person_registration"],
    {
      given_name: ColumnType<string, string | undefined, string>;
      family_name: ColumnType<string, string | undefined, string>;
      sex: ColumnType<SexName, SexName | undefined, SexName>;
    }
  >;
  // safe_contact is sealed JSON text since 0077: db/sealed-columns.ts opens and parses it.
  person: Narrow<
    DB["person"],
    { identity_kind: IdentityKind; sex: SexName; protection_level: ProtectionLevel }
  >;
  case: Narrow<
    DB["case"],
    { case_type: CaseTypeName; status: CaseStatus; closed_reason: CaseClosedReason }
  >;
  case_status_change: Narrow<
    DB["case_status_change"],
    { from_status: CaseStatus; to_status: CaseStatus; trigger_code: StatusTrigger }
  >;
  barrier: Narrow<DB["barrier"], { purpose: "manual" | "partner_contact" }>;
  audit_event: Replace<
    Narrow<DB["audit_event"], { outcome: "allowed" | "denied" }>,
    { data: JsonColumn<unknown, string | undefined> }
  >;
  journal_entry: Narrow<
    DB["journal_entry"],
    {
      entry_type:
        | "conversation"
        | "home_visit"
        | "phone"
        | "meeting"
        | "agency_consultation"
        | "other";
    }
  >;
  intake: Narrow<
    DB["intake"],
    {
      source:
        | "the_person"
        | "police"
        | "health_care"
        | "school"
        | "other_authority"
        | "ngo"
        | "anonymous"
        | "other";
      channel: "phone" | "visit" | "letter" | "email" | "digital" | "other";
      kind: "application" | "report_of_concern" | "request_for_information";
    }
  >;
  investigation: Replace<
    DB["investigation"],
    { sections: JsonColumn<Record<string, string>, string | undefined> }
  >;
  decision: Narrow<DB["decision"], { outcome: "granted" | "partly_granted" | "denied" }>;
  follow_up: Narrow<
    DB["follow_up"],
    { outcome: "goal_reached" | "partly_reached" | "not_reached" }
  >;
  consent: Narrow<
    DB["consent"],
    { scope: "child_sheltered_housing" | "partner_contact" | "sharing"; form: ConsentForm }
  >;
  child_placement: Narrow<
    DB["child_placement"],
    { basis: "custodians_consent" | "court_2024_79"; court_outcome: "approved" | "rejected" }
  >;
  case_task: Narrow<DB["case_task"], { kind: TaskKind }>;
  instrument_version: Replace<DB["instrument_version"], { definition: JsonColumn<unknown> }>;
  assessment: Replace<
    DB["assessment"],
    {
      answers: JsonColumn<Record<string, unknown>, string | undefined>;
      result: JsonColumn<unknown | null, string | null | undefined>;
      judgements: JsonColumn<Record<string, string> | null, string | null | undefined>;
    }
  >;
  // measures: one sealed JSON text since 0086 (db/sealed-columns.ts), a plain string column.
  police_assessment: Narrow<DB["police_assessment"], { consent_form: ConsentForm }>;
  treatment: Narrow<
    DB["treatment"],
    {
      referral_source: "self" | "social_services" | "police_probation";
      phase: "assessment" | "treatment" | "ended";
      end_kind: "completed" | "dropped_out" | "ended_by_unit";
    }
  >;
  treatment_session: Narrow<
    DB["treatment_session"],
    { attendance: "attended" | "cancelled" | "no_show" }
  >;
  partner: Narrow<
    DB["partner"],
    {
      relationship: Relationship;
      exception_kind: "sheltered_housing" | "abroad" | "long_ended" | "controlling_pattern";
    }
  >;
  partner_contact: Narrow<
    DB["partner_contact"],
    { relationship: Relationship; own_support: "in_house" | "referral" | "declined" }
  >;
  partner_contact_attempt: Narrow<
    DB["partner_contact_attempt"],
    {
      method: "letter" | "sms" | "phone";
      outcome: "sent" | "accepted" | "declined" | "not_reachable" | "later_accepted";
    }
  >;
  document: Narrow<
    DB["document"],
    {
      kind: "partner_contact_consent" | "sharing_consent" | "disclosure";
      media_type: "application/pdf" | "image/png" | "image/jpeg";
    }
  >;
  barrier_event: Narrow<
    DB["barrier_event"],
    { kind: BarrierEventKind; level: "medium" | "high" | "very_high" }
  >;
  notification_digest: Narrow<DB["notification_digest"], { state: "sending" | "sent" | "nothing" }>;
  // Places and stays (0050)
  place: Narrow<
    DB["place"],
    {
      kind: "emergency_flat" | "sheltered_housing" | "other_housing";
      operator_kind: "own" | "voluntary_shelter" | "other_municipality" | "private_operator";
    }
  >;
  place_hold: Narrow<DB["place_hold"], { ended_reason: "stay" | "released" | null }>;
  place_enquiry: Narrow<
    DB["place_enquiry"],
    { outcome: "placed" | "no_space" | "declined_by_person" | "not_suitable" | null }
  >;
  stay: Narrow<
    DB["stay"],
    {
      end_reason:
        | "own_housing"
        | "back_home"
        | "other_municipality"
        | "left_without_notice"
        | "other"
        | null;
    }
  >;
  stay_member: Narrow<
    DB["stay_member"],
    { role: "adult" | "child"; school_kind: "preschool" | "school" | "none_needed" | null }
  >;
  stay_note: Narrow<DB["stay_note"], { kind: "talk" | "child_talk" | "incident" | "note" }>;
  // Service contacts and the children's crisis centre's work (0056)
  service_course: Narrow<
    DB["service_course"],
    {
      subject_kind: "identified" | "first_name" | "anonymous";
      sex: "female" | "male" | "other" | null;
    }
  >;
  service_contact: Narrow<
    DB["service_contact"],
    {
      kind: "phone_advice" | "counselling_visit" | "authority_support" | "group_session";
      channel: "phone" | "visit" | "video" | "chat" | "email" | "other";
      outcome: "advice_given" | "referred" | "intake_made" | "none";
    }
  >;
  crisis_talk_series: Narrow<DB["crisis_talk_series"], { model: "trappan" | "other" }>;
  child_police_report: Narrow<
    DB["child_police_report"],
    {
      reporter_kind:
        | "own_unit"
        | "social_services"
        | "school"
        | "health_care"
        | "custodian"
        | "other";
      crime_category:
        | "assault"
        | "gross_violation_of_integrity"
        | "unlawful_threat"
        | "sexual_crime"
        | "child_witness_crime"
        | "molestation"
        | "stalking"
        | "honour_oppression"
        | "forced_marriage"
        | "female_genital_mutilation"
        | "other";
    }
  >;
  child_medical_exam: Narrow<
    DB["child_medical_exam"],
    { kind: "forensic" | "paediatric" | "other" }
  >;
  child_consultation: Narrow<DB["child_consultation"], { basis: "anonymised" | "consent" }>;
  // Consultations to professionals and the competence register (0059)
  consultation: Narrow<
    DB["consultation"],
    {
      asker_organisation_kind: AskerOrganisationKind;
      topics: ConsultationTopic[];
      stage: ConsultationStage;
      follow_up: FollowUp;
    }
  >;
  training: Narrow<DB["training"], { kind: TrainingKind; joint_with: JointAgency[] }>;
  // Competence-needs surveys (0060)
  survey: Narrow<DB["survey"], { state: SurveyStateName }>;
  // The young people's chat (0061)
  chat_setting: Replace<DB["chat_setting"], { hours: JsonColumn<ChatHours, string | undefined> }>;
  chat_conversation: Narrow<
    DB["chat_conversation"],
    { status: "waiting" | "active" | "closed"; closed_by: "staff" | "young" | "idle" | null }
  >;
  chat_message: Narrow<DB["chat_message"], { sender: "young" | "staff" }>;
}

export type SurveyStateName = "draft" | "open" | "closed";

export type Database = Replace<DB, Narrowed>;

// The row types other modules name.
export type RelationTable = Database["relation"];
export type IntakeTable = Database["intake"];
export type TreatmentTable = Database["treatment"];
export type DocumentTable = Database["document"];
