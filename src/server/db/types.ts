import type { ColumnType, Generated } from "kysely";
import type { BarrierEventKind } from "../../shared/api/barrier-events.ts";
import type { TaskKind } from "../../shared/api/tasks.ts";
import type { CaseClosedReason, CaseStatus } from "../../shared/case-status.ts";

/**
 * The database as Kysely sees it. The SQL migrations are the source of truth; these types
 * follow them (the API tests run every query against a migrated database, so a drift fails).
 */
type CreatedAt = ColumnType<Date, never, never>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: "municipality" | "region" | "foundation" | "association";
  created_at: CreatedAt;
}

export interface UnitTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  kind: "adult_services" | "child_services" | "crisis_centre" | "resource_function";
  partner_follow_up_months: Generated<number>;
  contact_phone: string | null;
  contact_address: string | null;
  contact_email: string | null;
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  org_id: string;
  username: string;
  display_name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  password_hash: string | null;
  totp_secret: string | null;
  mfa_enrolled_at: Date | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  /** A one-time password (admin:create): replaced at the first login (migration 0029). */
  password_change_required: Generated<boolean>;
}

export type RoleName =
  | "caseworker"
  | "therapist"
  | "protection_officer"
  | "unit_manager"
  | "administrator"
  | "analyst"
  | "consultant";

export interface RoleAssignmentTable {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  unit_id: string | null;
  role: RoleName;
  created_at: CreatedAt;
  created_by: string | null;
}

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

export interface RelationTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  person_id: string;
  other_person_id: string;
  kind: "partner" | "former_partner" | "parent" | "child" | "sibling" | "other_relative";
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
  /** The relative as the recorder knew them (0026); null on older rows: the stored name. */
  given_name: string | null;
  family_name: string | null;
}

export type SessionStateName =
  | "authenticated"
  | "mfa_required"
  | "mfa_enrolment_required"
  | "password_change_required";

export interface SessionTable {
  id_hash: string;
  user_id: string;
  org_id: string;
  state: SessionStateName;
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  revoked_at: Date | null;
  client_address: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

type SexName = "female" | "male" | "other" | "unknown";

export interface PersonRegistrationTable {
  org_id: string;
  person_id: string;
  user_id: string;
  created_at: CreatedAt;
  /**
   * The identity as this registrant typed it (0026): all they see until they have a case.
   * Only the owner connection (factories, demo seed) may leave it out: then the stored one.
   */
  given_name: ColumnType<string, string | undefined, string>;
  family_name: ColumnType<string, string | undefined, string>;
  sex: ColumnType<SexName, SexName | undefined, SexName>;
  search_name: ColumnType<string, never, never>;
}

export interface CaseReferenceCounterTable {
  org_id: string;
  year: number;
  last: number;
}

export type StatusTrigger =
  | "intake_application"
  | "intake_report_of_concern"
  | "treatment_registered"
  | "treatment_started"
  | "treatment_ended";

export type CaseTypeName = "adult_victim" | "child" | "perpetrator" | "partner_contact";

export interface CaseTable {
  id: string;
  org_id: string;
  unit_id: string;
  person_id: string;
  case_type: CaseTypeName;
  status: Generated<CaseStatus>;
  reference: string;
  opened_at: ColumnType<Date, Date | undefined, never>;
  opened_by: string;
  closed_at: Date | null;
  status_changed_at: Generated<Date>;
  closed_reason: CaseClosedReason | null;
}

export interface CaseStatusChangeTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  from_status: CaseStatus;
  to_status: CaseStatus;
  reason_code: string | null;
  trigger_code: StatusTrigger | null;
  comment: string | null;
  changed_by: string;
  changed_at: ColumnType<Date, Date | undefined, never>;
}

export interface CaseAssignmentTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  user_id: string;
  assigned_at: ColumnType<Date, Date | undefined, never>;
  assigned_by: string;
  unassigned_at: Date | null;
  unassigned_by: string | null;
}

export interface AccessGrantTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  user_id: string;
  reason: string;
  granted_by: string;
  granted_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface BarrierTable {
  purpose: Generated<"manual" | "partner_contact">;
  id: Generated<string>;
  org_id: string;
  case_a_id: string;
  case_b_id: string;
  reason: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface AuditEventTable {
  id: ColumnType<number, never, never>;
  org_id: string | null;
  occurred_at: ColumnType<Date, never, never>;
  actor_user_id: string | null;
  actor_role: string | null;
  unit_id: string | null;
  action: string;
  outcome: "allowed" | "denied";
  resource_type: string;
  resource_id: string | null;
  person_id: string | null;
  /** Every person a list event names (0030); null on events about one person. */
  person_ids: string[] | null;
  /** Every case a list event names (0030). */
  case_ids: string[] | null;
  reason: string | null;
  request_id: string | null;
  client_address: string | null;
  data: ColumnType<unknown, string | undefined, never>;
}

export interface AuditSealTable {
  event_id: number;
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
  sealed_at: ColumnType<Date, never, never>;
}

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

export interface PersonTable {
  id: Generated<string>;
  org_id: string;
  identity_kind: IdentityKind;
  identity_number: string | null;
  given_name: string;
  family_name: string;
  /** ISO date string: date columns are read as text, never as a local-midnight Date. */
  birth_date: string | null;
  sex: Generated<"female" | "male" | "other" | "unknown">;
  protection_level: Generated<ProtectionLevel>;
  created_at: CreatedAt;
  created_by: string | null;
  languages: Generated<string[]>;
  interpreter_needed: Generated<boolean>;
  interpreter_language: string | null;
  safe_contact: ColumnType<SafeContact, string | undefined, string>;
  phone: string | null;
  email: string | null;
  postal_address: string | null;
  updated_at: Generated<Date>;
  /** Generated by the database: " " + folded given and family name, for search. */
  search_name: ColumnType<string, never, never>;
}

export interface JournalEntryTable {
  id: string;
  org_id: string;
  case_id: string;
  author_id: string;
  entry_type: "conversation" | "home_visit" | "phone" | "meeting" | "agency_consultation" | "other";
  occurred_at: Date;
  written_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  body: string;
  signed_at: Date | null;
  corrects_id: string | null;
}

export interface IntakeTable {
  id: string;
  org_id: string;
  unit_id: string;
  person_id: string;
  case_id: string | null;
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
  received_at: Date;
  kind: "application" | "report_of_concern" | "request_for_information";
  asked_about_violence: boolean;
  violence_answer: string | null;
  interpreter_needed: boolean;
  interpreter_language: string | null;
  children_in_household: number | null;
  information_only_reason: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface ProtectionAssessmentTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  intake_id: string;
  needs_immediate_protection: boolean;
  reasoning: string;
  assessed_by: string;
  assessed_at: ColumnType<Date, Date | undefined, never>;
}

export interface PreliminaryDecisionTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  open_investigation: boolean;
  reasoning: string;
  decided_by: string;
  decided_at: ColumnType<Date, Date | undefined, never>;
}

export interface InvestigationExtensionTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  extended_until: string;
  reason: string;
  decided_by: string;
  decided_at: ColumnType<Date, Date | undefined, never>;
}

export interface InvestigationTable {
  case_id: string;
  org_id: string;
  sections: ColumnType<Record<string, string>, string | undefined, string>;
  children_witnessed_violence: boolean | null;
  summary: Generated<string>;
  assessment: Generated<string>;
  completed_at: Date | null;
  completed_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string;
}

export interface InterventionKindTable {
  code: string;
  name_sv: string;
  legal_ref: string;
  old_ref: string;
  sort_order: number;
}

export interface DecisionTable {
  id: string;
  org_id: string;
  case_id: string;
  intervention_kind: string;
  outcome: "granted" | "partly_granted" | "denied";
  period_from: string | null;
  period_to: string | null;
  reasoning: string;
  appeal_info: string | null;
  decided_by: string;
  decided_at: ColumnType<Date, Date | undefined, never>;
}

export interface ImplementationPlanTable {
  id: string;
  org_id: string;
  case_id: string;
  decision_id: string;
  goals: string;
  activities: string;
  start_date: string;
  follow_up_date: string;
  updated_by: string;
  updated_at: Generated<Date>;
  /** 1 when written, one more with each change (0031): a change names the version it saw. */
  version: Generated<number>;
}

export interface FollowUpTable {
  id: Generated<string>;
  org_id: string;
  plan_id: string;
  case_id: string;
  outcome: "goal_reached" | "partly_reached" | "not_reached";
  notes: string;
  next_follow_up_date: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface ConsentTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  decision_id: string | null;
  scope: "child_sheltered_housing" | "partner_contact";
  partner_id: string | null;
  given_by_name: string;
  form: "written" | "oral";
  given_on: string;
  expires_on: string | null;
  revoked_on: string | null;
  revoked_reason: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface ChildPlacementTable {
  decision_id: string;
  org_id: string;
  case_id: string;
  basis: "custodians_consent" | "court_2024_79";
  sole_custody: boolean;
  immediate: boolean;
  location_withheld: boolean;
  court_submitted_on: string | null;
  court_ruled_on: string | null;
  court_outcome: "approved" | "rejected" | null;
  ended_on: string | null;
}

export interface PlacementReviewTable {
  id: Generated<string>;
  org_id: string;
  decision_id: string;
  case_id: string;
  reviewed_on: string;
  continues: boolean;
  notes: string;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface CaseTaskTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  kind: TaskKind;
  /** null when a crossing of the barrier created it: the other side stays unnamed. */
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  done_at: Date | null;
  done_by: string | null;
  done_note: string | null;
  due_on: string | null;
  concern: string | null;
  report_on: string | null;
  report_to: string | null;
  report_reference: string | null;
}

export interface InstrumentVersionTable {
  org_id: string;
  instrument_id: string;
  version: number;
  definition: ColumnType<unknown, string, never>;
  stored_at: ColumnType<Date, never, never>;
}

export interface AssessmentTable {
  id: string;
  org_id: string;
  case_id: string;
  instrument_id: string;
  instrument_version: number;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  assessed_on: string;
  client_present: boolean | null;
  interpreter_used: boolean | null;
  result: ColumnType<unknown | null, string | null | undefined, string | null>;
  judgements: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  reasons: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  completed_at: Date | null;
  completed_by: string | null;
}

export interface SafetyPlanVersionTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  version: number;
  measures: ColumnType<unknown, string, never>;
  saved_by: string;
  saved_at: ColumnType<Date, never, never>;
}

export interface PoliceAssessmentTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  assessed_on: string;
  level: string;
  summary: string;
  consent_given_on: string;
  consent_form: "written" | "oral";
  consent_reference: string;
  recorded_by: string;
  recorded_at: ColumnType<Date, never, never>;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface SeedRunTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface TreatmentTable {
  case_id: string;
  org_id: string;
  referral_source: "self" | "social_services" | "police_probation";
  referred_on: string;
  phase: Generated<"assessment" | "treatment" | "ended">;
  started_on: string | null;
  ended_on: string | null;
  end_kind: "completed" | "dropped_out" | "ended_by_unit" | null;
  end_reason: string | null;
  ended_by: string | null;
  partner_info_given_on: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface TreatmentSessionTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  held_on: string;
  attendance: "attended" | "cancelled" | "no_show";
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface PartnerTable {
  id: string;
  org_id: string;
  case_id: string;
  relationship: "current" | "former";
  exception_kind: "sheltered_housing" | "abroad" | "long_ended" | "controlling_pattern" | null;
  exception_reason: string | null;
  team_decided_on: string | null;
  partner_case_id: string | null;
  barrier_id: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface PartnerContactRefusalTable {
  case_id: string;
  org_id: string;
  refused_on: string;
  team_decided_on: string;
  continue_treatment: boolean;
  reasoning: string;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface PartnerContactTable {
  case_id: string;
  org_id: string;
  relationship: "current" | "former";
  given_phone: string | null;
  given_address: string | null;
  given_email: string | null;
  own_support: "in_house" | "referral" | "declined" | null;
  own_support_note: string | null;
  own_support_on: string | null;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface PartnerContactAttemptTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  method: "letter" | "sms" | "phone";
  attempted_on: string;
  outcome: "sent" | "accepted" | "declined" | "not_reachable" | "later_accepted";
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface DocumentTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: "partner_contact_consent";
  filename: string;
  media_type: "application/pdf" | "image/png" | "image/jpeg";
  size_bytes: number;
  sha256: string;
  content: Uint8Array | null;
  uploaded_by: string;
  uploaded_at: ColumnType<Date, Date | undefined, never>;
  destroyed_at: Date | null;
  destroyed_by: string | null;
  destroyed_reason: string | null;
}

export interface BarrierEventTable {
  id: string;
  org_id: string;
  barrier_id: string;
  from_case_id: string;
  to_case_id: string;
  kind: BarrierEventKind;
  event_on: string;
  level: "medium" | "high" | "very_high" | null;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export interface RiskAlertReasonTable {
  event_id: string;
  org_id: string;
  case_id: string;
  reason: string;
}

export interface Database {
  organisation: OrganisationTable;
  unit: UnitTable;
  app_user: AppUserTable;
  person: PersonTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  person_registration: PersonRegistrationTable;
  case_reference_counter: CaseReferenceCounterTable;
  case: CaseTable;
  case_assignment: CaseAssignmentTable;
  access_grant: AccessGrantTable;
  barrier: BarrierTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  journal_entry: JournalEntryTable;
  case_status_change: CaseStatusChangeTable;
  intake: IntakeTable;
  relation: RelationTable;
  protection_assessment: ProtectionAssessmentTable;
  preliminary_decision: PreliminaryDecisionTable;
  investigation_extension: InvestigationExtensionTable;
  investigation: InvestigationTable;
  intervention_kind: InterventionKindTable;
  decision: DecisionTable;
  implementation_plan: ImplementationPlanTable;
  follow_up: FollowUpTable;
  consent: ConsentTable;
  child_placement: ChildPlacementTable;
  placement_review: PlacementReviewTable;
  case_task: CaseTaskTable;
  instrument_version: InstrumentVersionTable;
  assessment: AssessmentTable;
  safety_plan_version: SafetyPlanVersionTable;
  police_assessment: PoliceAssessmentTable;
  treatment: TreatmentTable;
  treatment_session: TreatmentSessionTable;
  partner: PartnerTable;
  partner_contact_refusal: PartnerContactRefusalTable;
  partner_contact: PartnerContactTable;
  partner_contact_attempt: PartnerContactAttemptTable;
  document: DocumentTable;
  barrier_event: BarrierEventTable;
  risk_alert_reason: RiskAlertReasonTable;
  schema_migration: SchemaMigrationTable;
  seed_run: SeedRunTable;
}
