import { between, type GenCase } from "./cases.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";

/**
 * Who may see what: the current assignment of every case (most since it opened; about one
 * in ten took over from a colleague, whose assignment ended), a second worker on some, and
 * time-limited grants to a colleague in the same unit (most expired, some revoked, some
 * live). Partner contact stays on its own side: every worker and grant here is of the
 * case's own unit, and treatment and partner cases are in different units.
 */
const day = 86_400_000;

const grantReasons = [
  "Täcker upp under kollegas semester",
  "Vikarierar under sjukfrånvaro",
  "Konsultation inför beslut i ärendet",
  "Stöd vid hembesök och samtal",
] as const;

function colleague(r: Random, c: GenCase) {
  const others = c.unit.workers.filter((w) => w.id !== c.worker.id);
  return others.length > 0 ? r.pick(others) : null;
}

function assign(buf: RowBuffer, r: Random, orgId: string, c: GenCase, today: Date) {
  const manager = c.unit.managers[0] ?? c.worker;
  const assignedBy = c.type === "partner_contact" ? manager : c.opener;
  const previous = c.type === "partner_contact" ? null : r.chance(0.1) ? colleague(r, c) : null;
  const end = c.closedAt ?? today;
  if (previous) {
    const handover = between(r, c.openedAt, end);
    buf.add("case_assignment", [
      r.uuid(),
      orgId,
      c.id,
      previous.id,
      c.openedAt,
      assignedBy.id,
      handover,
      manager.id,
    ]);
    buf.add("case_assignment", [
      r.uuid(),
      orgId,
      c.id,
      c.worker.id,
      handover,
      manager.id,
      null,
      null,
    ]);
  } else {
    buf.add("case_assignment", [
      r.uuid(),
      orgId,
      c.id,
      c.worker.id,
      c.openedAt,
      assignedBy.id,
      null,
      null,
    ]);
  }
  const second = !c.closedAt && r.chance(0.05) ? colleague(r, c) : null;
  if (second && second.id !== previous?.id)
    buf.add("case_assignment", [
      r.uuid(),
      orgId,
      c.id,
      second.id,
      between(r, c.openedAt, end),
      manager.id,
      null,
      null,
    ]);
}

function grant(buf: RowBuffer, r: Random, orgId: string, c: GenCase, today: Date) {
  const to = colleague(r, c);
  if (!to) return;
  const live = !c.closedAt && r.chance(0.3);
  const grantedAt = live
    ? new Date(today.getTime() - r.between(1, 10) * day)
    : between(r, c.openedAt, c.closedAt ?? today);
  const expiresAt = new Date(grantedAt.getTime() + r.between(14, 60) * day);
  const revoked = !live && r.chance(0.15) ? between(r, grantedAt, expiresAt) : null;
  buf.add("access_grant", [
    r.uuid(),
    orgId,
    c.id,
    to.id,
    r.pick(grantReasons),
    c.worker.id,
    grantedAt,
    expiresAt,
    revoked,
  ]);
}

export function writeAccess(
  buf: RowBuffer,
  r: Random,
  orgId: string,
  cases: GenCase[],
  today: Date,
) {
  for (const c of cases) {
    assign(buf, r, orgId, c, today);
    if (r.chance(0.015)) grant(buf, r, orgId, c, today);
  }
}
