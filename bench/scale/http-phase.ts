import type { Actor } from "../../src/server/access/actor.ts";
import { httpRequester, loginWithMfa, type RunningServer } from "../lib/server.ts";
import type { Cast } from "./discover.ts";
import { sequential, type Timing } from "./measure.ts";
import type { ScaleRequest } from "./minimal.ts";

export interface HttpMeasured {
  timing: Timing;
  /** x-request-id of every measured request: their audit events carry it. */
  requestIds: string[];
  /** The answer's list length (persons, cases, items, events), when it has one. */
  shown: number | null;
}

/** How many rows an answer shows: the length of its one top-level array, if any. */
function shownRows(body: string): number | null {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const list = Object.values(json).find(Array.isArray);
    return list ? list.length : null;
  } catch {
    return null;
  }
}

/**
 * One request over HTTP: the actor logs in afresh (sessions must not idle out in a long
 * run), one probe that must answer 200, then warm-up and measured runs one after another.
 * `secrets` holds each user's authenticator secret once known (a second login needs it).
 */
export async function measureHttp(
  server: RunningServer,
  cast: Cast,
  request: ScaleRequest,
  actor: Actor,
  options: { password: string; warmup: number; n: number; secrets: Map<string, string> },
): Promise<HttpMeasured> {
  const session = await loginWithMfa(
    server.url,
    actor.username,
    options.password,
    async () => options.secrets.get(actor.userId) ?? null,
  );
  if (session.totpSecret) options.secrets.set(actor.userId, session.totpSecret);
  const client = httpRequester(server.url, session);
  const { method, path, body } = request.http(cast, actor);
  try {
    const probe = await client.send(method, path, body);
    if (probe.status !== 200) {
      throw new Error(
        `${request.name}: ${method} ${path} answered ${probe.status} ${probe.body.slice(0, 300)}`,
      );
    }
    const requestIds: string[] = [];
    const timing = await sequential(options.warmup, options.n, async (_i, measured) => {
      const res = await client.send(method, path, body);
      if (measured) requestIds.push(res.requestId);
      return res.status === 200 ? null : `HTTP ${res.status}`;
    });
    return { timing, requestIds, shown: shownRows(probe.body) };
  } finally {
    client.close();
  }
}
