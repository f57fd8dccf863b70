import { policeProtectionEndsDue, safetyAlarmFollowUpDue } from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/**
 * Police collaboration on open cases in scope (issue 18, item 9; docs/deadlines.md): a
 * granted restraining order whose end nears or has passed and no renewal has been
 * considered, and an alarm not returned, with its follow-up and its last day.
 */
export function restrainingOrdersInScope(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("restraining_order as o", "o.case_id", "c.id")
    .select(["o.valid_until", ...caseColumns])
    .where("c.status", "<>", "closed")
    .where("o.status", "=", "granted")
    .where("o.valid_until", "is not", null)
    .where("o.renewal_considered_on", "is", null);
}

export function safetyAlarmsInScope(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("safety_alarm as a", "a.case_id", "c.id")
    .select(["a.valid_until", "a.follow_up_on", "a.followed_up_on", ...caseColumns])
    .where("c.status", "<>", "closed")
    .where("a.returned_on", "is", null);
}

type OrderRow = Line<ReturnType<typeof restrainingOrdersInScope>, never>;
type AlarmRow = Line<ReturnType<typeof safetyAlarmsInScope>, never>;

/** Time to ask whether a new order is needed. */
export function restrainingOrderCandidates(o: OrderRow): Candidate[] {
  if (!o.valid_until) return [];
  return [
    {
      ...rowOf(o),
      kind: "restraining_order_ends",
      dueAt: policeProtectionEndsDue(String(o.valid_until)),
    },
  ];
}

/** The follow-up planned and not yet done; the alarm's last day. */
export function safetyAlarmCandidates(a: AlarmRow): Candidate[] {
  const out: Candidate[] = [];
  const base = rowOf(a);
  const planned = a.follow_up_on ? String(a.follow_up_on) : null;
  const done = a.followed_up_on ? String(a.followed_up_on) : null;
  if (planned && (!done || done < planned))
    out.push({ ...base, kind: "safety_alarm_follow_up", dueAt: safetyAlarmFollowUpDue(planned) });
  if (a.valid_until)
    out.push({
      ...base,
      kind: "safety_alarm_follow_up",
      dueAt: policeProtectionEndsDue(String(a.valid_until)),
    });
  return out;
}
