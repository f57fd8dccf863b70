import { randomBytes } from "node:crypto";
import type { Actor } from "../../src/server/access/actor.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { DatabaseHandle } from "../../src/server/db/connection.ts";
import { type Capturer, explainable, outsideTransaction } from "./capture.ts";
import type { Cast } from "./discover.ts";
import type { HttpMeasured } from "./http-phase.ts";
import { auditWritten, runMinimal, sequential, type Timing } from "./measure.ts";
import type { MinimalSession, ScaleRequest } from "./minimal.ts";
import { type ExplainTarget, explainAll, minimalTargets, writePlan } from "./plans.ts";
import type { PerRequest, RequestResult } from "./report.ts";
import { onConnection, type SqlSession } from "./sql.ts";

export interface SqlPhaseOptions {
  warmup: number;
  n: number;
  sinceAuditId: number;
  plansDir: string;
  header: string[];
}

const perRequest = (a: { rows: number; bytes: number }, n: number): PerRequest => ({
  rows: a.rows / Math.max(1, n),
  bytes: a.bytes / Math.max(1, n),
});

/** The minimal SQL N times on one connection; its audit rows counted by request id. */
async function measureMinimal(
  database: DatabaseHandle,
  cast: Cast,
  request: ScaleRequest,
  actor: Actor,
  live: MinimalSession,
  o: SqlPhaseOptions,
): Promise<{ timing: Timing; audit: PerRequest }> {
  const run = randomBytes(3).toString("hex");
  const ids: string[] = [];
  return onConnection(database, async (session) => {
    const timing = await sequential(o.warmup, o.n, async (i, measured) => {
      const id = `bench-scale-${run}-${request.name}-${i}`;
      if (measured) ids.push(id);
      await runMinimal(session, request.minimal(cast, actor, id, live));
      return null;
    });
    return { timing, audit: perRequest(await auditWritten(session, o.sinceAuditId, ids), o.n) };
  });
}

/**
 * The actor's newest live session: the capture just logged them in, so it is fresh (the
 * minimal case read checks it in its statement, as the server's read does).
 */
async function liveSession(session: SqlSession, actor: Actor): Promise<MinimalSession> {
  const rows = await session.query<{ id_hash: string }>(
    `select id_hash from session where user_id = $1 and state = 'authenticated'
        and revoked_at is null order by last_seen_at desc limit 1`,
    [actor.userId],
  );
  const idHash = rows[0]?.id_hash;
  if (!idHash) throw new Error(`${actor.username} has no live session`);
  return { idHash, idleMinutes: loadConfig({}).session.idleMinutes };
}

/** The server's statements for the request (captured once) as explain targets. */
async function serverTargets(capturer: Capturer, cast: Cast, request: ScaleRequest, actor: Actor) {
  const { status, statements } = await capturer.capture(actor, request.http(cast, actor));
  if (status !== 200) throw new Error(`${request.name}: the captured request answered ${status}`);
  const targets: ExplainTarget[] = statements.filter(explainable).map((s, i) => ({
    label: `server statement ${i + 1}`,
    sql: s.sql,
    values: s.values,
    as: s.as ?? outsideTransaction(),
  }));
  return { targets, sent: statements.length };
}

/** Audit of the HTTP runs, the minimal SQL measured, both explained, the plan file written. */
export async function sqlPhase(
  database: DatabaseHandle,
  capturer: Capturer,
  cast: Cast,
  request: ScaleRequest,
  actor: Actor,
  http: HttpMeasured,
  o: SqlPhaseOptions,
): Promise<RequestResult> {
  const httpAudit = await onConnection(database, (s) =>
    auditWritten(s, o.sinceAuditId, http.requestIds),
  );
  // The server's statements first: capturing logs the actor in, the session the minimal read checks.
  const server = await serverTargets(capturer, cast, request, actor);
  const live = await onConnection(database, (s) => liveSession(s, actor));
  const minimal = await measureMinimal(database, cast, request, actor, live, o);
  const planId = `bench-scale-plan-${randomBytes(3).toString("hex")}`;
  const explained = await onConnection(database, (session) =>
    explainAll(session, [
      ...minimalTargets(request.minimal(cast, actor, planId, live)),
      ...server.targets,
    ]),
  );
  const planFile = writePlan(
    o.plansDir,
    request.name,
    [
      `# ${request.name}: ${request.http(cast, actor).method} ${request.http(cast, actor).path}`,
      `# as ${actor.username} (${actor.roles.map((r) => r.role).join(", ")})`,
      ...o.header.map((l) => `# ${l}`),
      `# the server sent ${server.sent} statements (BEGIN, settings and COMMIT included); ` +
        `${server.targets.length} explained below after the minimal SQL`,
    ],
    explained.text,
  );
  return {
    name: request.name,
    actor: actor.username,
    http: http.timing,
    sql: minimal.timing,
    audit: { http: perRequest(httpAudit, http.requestIds.length), sql: minimal.audit },
    seqScans: explained.scans,
    statements: server.sent,
    planFile,
    shown: http.shown,
  };
}
