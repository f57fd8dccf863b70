import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MinimalTransaction } from "./minimal.ts";
import { beginAs, type RunAs, type SqlSession } from "./sql.ts";

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the minimal SQL and of what the server sends, written to
 * bench/plans/<request>.txt, and the check a review reads first: a sequential scan of a
 * table that holds personal data. Each statement is explained in its own transaction as
 * its role and actor, and rolled back (ANALYZE runs it: an audit insert would stay).
 */

/** Tables with personal data: a whole-table scan of one of these does not scale. */
export const personalTables = new Set([
  "person",
  "person_registration",
  "case",
  "case_assignment",
  "case_status_change",
  "case_task",
  "access_grant",
  "relation",
  "journal_entry",
  "intake",
  "assessment",
  "decision",
  "consent",
  "child_placement",
  "placement_review",
  "implementation_plan",
  "follow_up",
  "investigation",
  "investigation_extension",
  "preliminary_decision",
  "protection_assessment",
  "police_assessment",
  "safety_plan_version",
  "treatment",
  "treatment_session",
  "partner",
  "partner_contact",
  "partner_contact_attempt",
  "partner_contact_refusal",
  "barrier",
  "barrier_event",
  "risk_alert_reason",
  "document",
  "audit_event",
]);

/**
 * The personal-data tables a plan reads whole ("Seq Scan on …"), each once, with the rows
 * the scan returned over all its loops (a scan of a tiny table is cheap today, not at scale).
 */
export function seqScans(plan: string): string[] {
  const found = new Map<string, number>();
  for (const line of plan.split("\n")) {
    const m = /Seq Scan on (?:public\.)?"?([A-Za-z_][A-Za-z0-9_]*)"?/.exec(line);
    const table = m?.[1];
    if (!table || !personalTables.has(table)) continue;
    const actual = / rows=(\d+) loops=(\d+)\)\s*$/.exec(line);
    const rows = actual ? Number(actual[1]) * Number(actual[2]) : 0;
    found.set(table, (found.get(table) ?? 0) + rows);
  }
  return [...found].map(([table, rows]) => `${table} (${rows.toLocaleString("en-US")} rows out)`);
}

export interface ExplainTarget {
  label: string;
  sql: string;
  values: unknown[];
  as: RunAs;
  readOnly?: boolean;
}

async function explainOne(session: SqlSession, t: ExplainTarget): Promise<string> {
  await session.exec(beginAs(t.as, t.readOnly));
  try {
    const rows = await session.query<{ "QUERY PLAN": string }>(
      `explain (analyze, buffers, format text) ${t.sql}`,
      t.values,
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } catch (error) {
    return `EXPLAIN failed: ${(error as Error).message}`;
  } finally {
    await session.exec("rollback");
  }
}

const paramText = (values: unknown[]) =>
  values
    .map((v, i) => `$${i + 1} = ${JSON.stringify(v instanceof Date ? v.toISOString() : v)}`)
    .join(", ");

/** Explains each target; returns the file's text and the personal tables scanned whole. */
export async function explainAll(session: SqlSession, targets: ExplainTarget[]) {
  const parts: string[] = [];
  const scans: string[] = [];
  for (const t of targets) {
    const plan = await explainOne(session, t);
    for (const table of seqScans(plan)) scans.push(`${t.label}: ${table}`);
    parts.push(
      `-- ${t.label} (as ${t.as.role}${t.readOnly ? ", read only" : ""})`,
      t.sql.trim(),
      ...(t.values.length > 0 ? [`-- parameters: ${paramText(t.values)}`] : []),
      "",
      plan,
      "",
    );
  }
  return { text: parts.join("\n"), scans };
}

/** The minimal SQL's statements as explain targets. */
export function minimalTargets(transactions: MinimalTransaction[]): ExplainTarget[] {
  return transactions.flatMap((tx, i) =>
    tx.statements.map((s, j) => ({
      label: `minimal SQL, transaction ${i + 1}, statement ${j + 1}`,
      sql: s.text,
      values: s.values,
      as: tx.as,
      readOnly: tx.readOnly,
    })),
  );
}

export function writePlan(dir: string, request: string, header: string[], body: string) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${request}.txt`);
  writeFileSync(file, `${header.join("\n")}\n\n${body}`);
  return file;
}
