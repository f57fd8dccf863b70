import type { Config } from "./config.ts";
import { ConfigError } from "./config.ts";
import { ConnectTimeoutError } from "./db/connection.ts";
import { MigrationError } from "./db/migrate.ts";
import { scrubText } from "./log.ts";

/**
 * A start-up failure an operator can fix: the message names the setting and says what to
 * do, and is printed as one line. Its cause (with the stack) goes to the debug log only.
 */
export class StartupError extends Error {
  override name = "StartupError";
  constructor(
    readonly setting: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What start-up prints on stderr for a failure: never a stack. */
export function startupFailureText(error: unknown): string {
  if (error instanceof ConfigError || error instanceof MigrationError) return error.message;
  if (error instanceof StartupError) return `Frid could not start: ${error.message}`;
  const what = error instanceof Error ? firstLine(error.message) : "an unexpected error";
  return `Frid could not start: ${scrubText(what)}. Run with LOG_LEVEL=debug to see where it happened.`;
}

const firstLine = (text: string) => text.split("\n")[0]?.replace(/\.$/, "") ?? "";

function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; errors?: { code?: unknown }[] };
  // Node reports a refused "localhost" (tried as ::1 and 127.0.0.1) as an AggregateError.
  const code = e?.code ?? e?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}

/** Where a postgres:// URL leads, for messages: host:port, never the password. */
function postgresTarget(url: string) {
  const u = new URL(url);
  const socket = u.searchParams.get("host");
  const host = u.hostname || socket || "localhost";
  const user = decodeURIComponent(u.username);
  return {
    host,
    address: `${host}:${u.port || "5432"}`,
    user,
    database: decodeURIComponent(u.pathname.slice(1)) || user,
  };
}

function explainPostgresFailure(error: unknown, url: string): StartupError {
  const { host, address, user, database } = postgresTarget(url);
  const code = errorCode(error);
  const fail = (message: string) => new StartupError("DATABASE_URL", message, { cause: error });
  if (error instanceof ConnectTimeoutError) {
    return fail(
      `the database server at ${address} (DATABASE_URL) accepted the connection but did not answer within ${error.timeoutSeconds} s. Check that DATABASE_URL points at PostgreSQL, or raise FRID_DATABASE_CONNECT_TIMEOUT_SECONDS.`,
    );
  }
  const message = error instanceof Error ? firstLine(error.message) : "";
  switch (code) {
    case "ECONNREFUSED":
      return fail(
        `nothing answers at ${address} (DATABASE_URL). Start PostgreSQL there, or correct the host and port in DATABASE_URL.`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return fail(
        `the database host "${host}" (DATABASE_URL) was not found. Correct the host in DATABASE_URL.`,
      );
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return fail(
        `the database server at ${address} (DATABASE_URL) cannot be reached (${code}). Check the host in DATABASE_URL and the network.`,
      );
    case "3D000":
      return fail(
        `the database "${database}" does not exist on ${address} (DATABASE_URL). Create it (createdb ${database}) or correct the database name in DATABASE_URL.`,
      );
    case "28P01":
      return fail(
        `PostgreSQL at ${address} refused the password of the role "${user}" (DATABASE_URL). Correct the user name or password in DATABASE_URL.`,
      );
  }
  if (code === "28000" && message.endsWith("does not exist")) {
    return fail(
      `the role "${user}" does not exist on ${address} (DATABASE_URL). Create the role, or correct the user name in DATABASE_URL.`,
    );
  }
  return fail(
    `PostgreSQL at ${address} (DATABASE_URL) refused the connection: ${message || code || "no reason given"}. Check DATABASE_URL and the server's settings.`,
  );
}

/** PGlite reports file-system failures as Emscripten errno numbers, not as Error objects. */
const emscriptenNotWritable = new Set([2 /* EACCES */, 63 /* EPERM */, 69 /* EROFS */]);

export function notWritable(dir: string, cause?: unknown): StartupError {
  return new StartupError(
    "FRID_DATA_DIR",
    `FRID_DATA_DIR ${dir} is not writable. Give the user Frid runs as write access to the folder, or set FRID_DATA_DIR to another folder.`,
    { cause },
  );
}

function explainPgliteFailure(error: unknown, dir: string): StartupError {
  const errno = (error as { errno?: unknown })?.errno;
  if (typeof errno === "number" && emscriptenNotWritable.has(errno)) return notWritable(dir, error);
  const reason =
    error instanceof Error ? firstLine(error.message) : `file system error ${String(errno)}`;
  return new StartupError(
    "FRID_DATA_DIR",
    `the embedded database in FRID_DATA_DIR ${dir} could not be opened (${reason}). If it is Frid's database, restore it from a backup; otherwise set FRID_DATA_DIR to an empty or new folder.`,
    { cause: error },
  );
}

/** A failure to open the configured database, as the line that says what to do. */
export function explainDatabaseFailure(error: unknown, database: Config["database"]): unknown {
  if (error instanceof StartupError) return error;
  return database.kind === "postgres"
    ? explainPostgresFailure(error, database.url)
    : explainPgliteFailure(error, database.dataDir);
}

/** A failure to listen on HOST:PORT, as the line that says what to do. */
export function explainListenFailure(error: unknown, host: string, port: number): unknown {
  const fail = (setting: string, message: string) =>
    new StartupError(setting, message, { cause: error });
  switch (errorCode(error)) {
    case "EADDRINUSE":
      return fail(
        "PORT",
        `port ${port} on ${host} is already in use (PORT). Stop the program that uses it, or set PORT to a free port.`,
      );
    case "EACCES":
      return fail(
        "PORT",
        `port ${port} on ${host} may not be used by this user (PORT). Use a port above 1023, with a reverse proxy in front if the port must be ${port}.`,
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return fail(
        "HOST",
        `HOST ${host} is not an address of this machine. Set HOST to one of its addresses, 127.0.0.1 or 0.0.0.0.`,
      );
  }
  return error;
}
