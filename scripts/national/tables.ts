/**
 * The tables the generator fills, in the order their foreign keys need, with the columns it
 * writes (the rest take their defaults), and the buffer that collects rows as COPY text.
 */
export const tableColumns = {
  organisation: ["id", "name", "kind", "created_at"],
  unit: ["id", "org_id", "name", "kind", "created_at"],
  app_user: ["id", "org_id", "username", "display_name", "password_hash", "created_at"],
  role_assignment: ["id", "org_id", "user_id", "unit_id", "role", "created_at"],
  person: [
    "id",
    "org_id",
    "identity_kind",
    "identity_number",
    "given_name",
    "family_name",
    "birth_date",
    "sex",
    "protection_level",
    "created_at",
    "created_by",
    "updated_at",
  ],
  person_registration: [
    "org_id",
    "person_id",
    "user_id",
    "created_at",
    "given_name",
    "family_name",
    "sex",
  ],
  case: [
    "id",
    "org_id",
    "unit_id",
    "person_id",
    "case_type",
    "status",
    "reference",
    "opened_at",
    "opened_by",
    "closed_at",
    "status_changed_at",
    "closed_reason",
  ],
  case_reference_counter: ["org_id", "year", "last"],
  case_status_change: [
    "id",
    "org_id",
    "case_id",
    "from_status",
    "to_status",
    "reason_code",
    "changed_by",
    "changed_at",
  ],
  case_assignment: [
    "id",
    "org_id",
    "case_id",
    "user_id",
    "assigned_at",
    "assigned_by",
    "unassigned_at",
    "unassigned_by",
  ],
  access_grant: [
    "id",
    "org_id",
    "case_id",
    "user_id",
    "reason",
    "granted_by",
    "granted_at",
    "expires_at",
    "revoked_at",
  ],
  relation: [
    "id",
    "org_id",
    "case_id",
    "person_id",
    "other_person_id",
    "kind",
    "recorded_by",
    "recorded_at",
  ],
  journal_entry: [
    "id",
    "org_id",
    "case_id",
    "author_id",
    "entry_type",
    "occurred_at",
    "written_at",
    "updated_at",
    "body",
    "signed_at",
  ],
  decision: [
    "id",
    "org_id",
    "case_id",
    "intervention_kind",
    "outcome",
    "period_from",
    "period_to",
    "reasoning",
    "appeal_info",
    "decided_by",
    "decided_at",
  ],
  instrument_version: ["org_id", "instrument_id", "version", "definition", "stored_at"],
  assessment: [
    "id",
    "org_id",
    "case_id",
    "instrument_id",
    "instrument_version",
    "answers",
    "assessed_on",
    "result",
    "judgements",
    "reasons",
    "created_by",
    "created_at",
    "updated_at",
    "completed_at",
    "completed_by",
  ],
  treatment: [
    "case_id",
    "org_id",
    "referral_source",
    "referred_on",
    "phase",
    "started_on",
    "ended_on",
    "end_kind",
    "end_reason",
    "ended_by",
    "partner_info_given_on",
    "recorded_by",
    "recorded_at",
  ],
  barrier: [
    "id",
    "org_id",
    "case_a_id",
    "case_b_id",
    "reason",
    "created_by",
    "created_at",
    "purpose",
  ],
  partner: [
    "id",
    "org_id",
    "case_id",
    "relationship",
    "exception_kind",
    "exception_reason",
    "team_decided_on",
    "partner_case_id",
    "barrier_id",
    "recorded_by",
    "recorded_at",
  ],
  partner_contact: ["case_id", "org_id", "relationship", "given_phone", "created_by", "created_at"],
  consent: [
    "id",
    "org_id",
    "case_id",
    "partner_id",
    "scope",
    "given_by_name",
    "form",
    "given_on",
    "recorded_by",
    "recorded_at",
  ],
  barrier_event: [
    "id",
    "org_id",
    "barrier_id",
    "from_case_id",
    "to_case_id",
    "kind",
    "event_on",
    "created_by",
    "created_at",
  ],
  partner_contact_attempt: [
    "id",
    "org_id",
    "case_id",
    "method",
    "attempted_on",
    "outcome",
    "recorded_by",
    "recorded_at",
  ],
  audit_event: [
    "org_id",
    "occurred_at",
    "actor_user_id",
    "actor_role",
    "unit_id",
    "action",
    "outcome",
    "resource_type",
    "resource_id",
    "person_id",
    "request_id",
    "data",
  ],
} as const;

export type Table = keyof typeof tableColumns;
export const loadOrder = Object.keys(tableColumns) as Table[];

export type Value = string | number | boolean | Date | null | undefined;

/** One value in COPY's text format: \N for null, backslash escapes for the rest. */
function copyValue(v: Value): string {
  if (v === null || v === undefined) return "\\N";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** Rows of many tables as COPY text, flushed in load order by the loader. */
export class RowBuffer {
  private parts = new Map<Table, string[]>();
  readonly counts = new Map<Table, number>();

  add(table: Table, values: readonly Value[]): void {
    if (values.length !== tableColumns[table].length)
      throw new Error(
        `${table}: ${values.length} values for ${tableColumns[table].length} columns`,
      );
    let list = this.parts.get(table);
    if (!list) {
      list = [];
      this.parts.set(table, list);
    }
    list.push(`${values.map(copyValue).join("\t")}\n`);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  size(): number {
    let n = 0;
    for (const list of this.parts.values()) n += list.length;
    return n;
  }

  /** Takes the text of one table, leaving the buffer without it. */
  take(table: Table): string | null {
    const list = this.parts.get(table);
    this.parts.delete(table);
    return list && list.length > 0 ? list.join("") : null;
  }
}
