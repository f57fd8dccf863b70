import { Writable } from "node:stream";
import { type Env, loadConfig } from "../config.ts";
import { buildApp } from "../http/app.ts";
import type { App } from "../http/context.ts";
import { createLogger } from "../log.ts";
import type { TestDatabase } from "./databases.ts";

export interface TestApp {
  app: App;
  database: TestDatabase;
  /** Every log line the app wrote, parsed. */
  logs: () => Record<string, unknown>[];
  /** The raw log text, to prove what is not in it. */
  logText: () => string;
  close(): Promise<void>;
}

/**
 * The real app over a test database, with its log captured. Not yet `ready()`,
 * so a test may add a route first. Environment variables of the machine are not read.
 */
export async function buildTestApp(database: TestDatabase, env: Env = {}): Promise<TestApp> {
  const config = loadConfig({ FRID_DEMO: "true", LOG_LEVEL: "info", ...env });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const app = await buildApp({
    config,
    database,
    logger: createLogger("info", stream),
    webRoot: null,
  });
  return {
    app,
    database,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => lines.join("\n"),
    close: () => app.close(),
  };
}
