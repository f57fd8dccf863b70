import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";
import type { UnitStaff, Worker } from "./staff.ts";

/**
 * Cases over ten years: opened more often lately, closed when old; each status reached on
 * the way is a row of case_status_change. References run per organisation and year in the
 * order cases were opened (2019-0001, …), and case_reference_counter ends at the last one,
 * so a case opened in the application afterwards gets the next number.
 */
export type CaseType = "adult_victim" | "child" | "perpetrator" | "partner_contact";
export type Status =
  | "intake"
  | "preliminary_assessment"
  | "investigation"
  | "implementation"
  | "follow_up"
  | "closed";

export interface GenCase {
  id: string;
  personId: string;
  unit: UnitStaff;
  type: CaseType;
  openedAt: Date;
  opener: Worker;
  /** The worker assigned now (or when it closed). */
  worker: Worker;
  status: Status;
  /** Each status reached after intake, with when. */
  path: { status: Status; at: Date }[];
  closedAt: Date | null;
  closedReason: string | null;
}

export const day = 86_400_000;
export const tenYears = 3652 * day;

const paths: Record<CaseType, Status[]> = {
  adult_victim: ["intake", "investigation", "implementation", "follow_up", "closed"],
  child: [
    "intake",
    "preliminary_assessment",
    "investigation",
    "implementation",
    "follow_up",
    "closed",
  ],
  perpetrator: ["intake", "implementation", "closed"],
  partner_contact: ["intake", "implementation", "closed"],
};

/** A time within ten years before today, more often recent. */
export function openedAt(r: Random, today: Date): Date {
  const back = tenYears * r.next() ** 1.4;
  return new Date(today.getTime() - Math.max(back, day / 4));
}

/** Between a and b (b after a). */
export const between = (r: Random, a: Date, b: Date) =>
  new Date(a.getTime() + r.next() * Math.max(0, b.getTime() - a.getTime()));

function finalStep(r: Random, type: CaseType, ageDays: number): number {
  const steps = paths[type].length;
  if (ageDays > 540 && r.chance(0.95)) return steps - 1;
  if (ageDays > 120 && r.chance(0.5)) return steps - 1;
  return r.int(steps);
}

function closedReason(r: Random, type: CaseType, path: Status[]): string {
  if (type === "perpetrator")
    return r.weighted([
      ["treatment_completed", 6],
      ["treatment_dropped_out", 3],
      ["treatment_ended_by_unit", 1],
    ] as const);
  if (type === "child" && !path.includes("investigation")) return "no_investigation_opened";
  return r.weighted([
    ["goal_reached", 6],
    ["needs_met_elsewhere", 2],
    ["client_declined", 2],
    ["moved", 1],
    ["other", 1],
  ] as const);
}

/** The statuses a case went through and when; a child's case may close after the preliminary assessment. */
export function drawPath(r: Random, type: CaseType, opened: Date, today: Date) {
  const all = paths[type];
  const last = finalStep(r, type, (today.getTime() - opened.getTime()) / day);
  let reached = all.slice(1, last + 1);
  if (type === "child" && reached.includes("closed") && r.chance(0.3))
    reached = ["preliminary_assessment", "closed"];
  const span = Math.min(today.getTime() - opened.getTime(), r.between(20, 400) * day);
  let t = opened.getTime();
  const path = reached.map((status) => {
    t += (span / Math.max(1, reached.length)) * (0.5 + r.next());
    return { status, at: new Date(Math.min(t, today.getTime() - 60_000)) };
  });
  const status = path.length > 0 ? (path[path.length - 1] as { status: Status }).status : "intake";
  return {
    path,
    status,
    closedReason: status === "closed" ? closedReason(r, type, reached) : null,
  };
}

export function writeCase(buf: RowBuffer, r: Random, orgId: string, c: GenCase, reference: string) {
  const lastAt = c.path.length > 0 ? (c.path[c.path.length - 1] as { at: Date }).at : c.openedAt;
  buf.add("case", [
    c.id,
    orgId,
    c.unit.id,
    c.personId,
    c.type,
    c.status,
    reference,
    c.openedAt,
    c.opener.id,
    c.closedAt,
    lastAt,
    c.closedReason,
  ]);
  let from: Status = "intake";
  for (const step of c.path) {
    buf.add("case_status_change", [
      r.uuid(),
      orgId,
      c.id,
      from,
      step.status,
      step.status === "closed" ? c.closedReason : null,
      c.worker.id,
      step.at,
    ]);
    from = step.status;
  }
}

/** References in the order cases were opened, per year; the counter rows to match. */
export function writeCases(buf: RowBuffer, r: Random, orgId: string, cases: GenCase[]) {
  const sorted = [...cases].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const counters = new Map<number, number>();
  for (const c of sorted) {
    const year = c.openedAt.getUTCFullYear();
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    writeCase(buf, r, orgId, c, `${year}-${String(n).padStart(4, "0")}`);
  }
  for (const [year, last] of counters) buf.add("case_reference_counter", [orgId, year, last]);
}
