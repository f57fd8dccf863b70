import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "./paths.ts";
import { createEmptyDatabase } from "./testing/databases.ts";

/**
 * Each bad setting stops start-up with one line on stderr that names the setting and says
 * what to do — never a stack (that goes to the debug log). These run the real start-up.
 */
const running = new Set<ChildProcess>();

// A start-up that does not fail (the bug these tests guard against) must not outlive its test.
afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});

async function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  running.add(child);
  const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  running.delete(child);
  return { status, stdout, stderr, lines: stderr.split("\n").filter((l) => l !== "") };
}

/** Asserts the exact line, and that no stack frame went anywhere. */
function expectFailure(result: Awaited<ReturnType<typeof runMain>>, line: string) {
  expect(result.status, result.stderr).toBe(1);
  expect(result.lines).toEqual([line]);
  expect(result.stderr).not.toContain("    at ");
  expect(result.stdout).not.toContain("    at ");
}

interface FakeServer {
  port: number;
  close(): Promise<void>;
}

/** A TCP server; `onData` answers the client's first packet, or nothing if it is absent. */
async function fakeServer(onData?: (socket: Socket) => void): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    if (onData) socket.once("data", () => onData(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What PostgreSQL sends when it refuses a connection at start-up: an ErrorResponse. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    ...[`SFATAL`, `VFATAL`, `C${code}`, `M${message}`].map((f) => Buffer.from(`${f}\0`)),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/** A port nothing listens on: taken from the system, then given back. */
async function freePort(): Promise<number> {
  const server = await fakeServer();
  await server.close();
  return server.port;
}

describe("a DATABASE_URL that does not lead to a usable database stops start-up with one line", () => {
  const servers: FakeServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it("times out on a server that accepts the connection and never answers", async () => {
    const silent = await fakeServer();
    servers.push(silent);
    const result = await runMain({
      DATABASE_URL: `postgres://frid@127.0.0.1:${silent.port}/frid`,
      FRID_DATABASE_CONNECT_TIMEOUT_SECONDS: "1",
    });
    expectFailure(
      result,
      `Frid could not start: the database server at 127.0.0.1:${silent.port} (DATABASE_URL) accepted the connection but did not answer within 1 s. Check that DATABASE_URL points at PostgreSQL, or raise FRID_DATABASE_CONNECT_TIMEOUT_SECONDS.`,
    );
  }, 60_000);

  it("says nothing answers when the connection is refused", async () => {
    const port = await freePort();
    const result = await runMain({ DATABASE_URL: `postgres://frid@127.0.0.1:${port}/frid` });
    expectFailure(
      result,
      `Frid could not start: nothing answers at 127.0.0.1:${port} (DATABASE_URL). Start PostgreSQL there, or correct the host and port in DATABASE_URL.`,
    );
  }, 60_000);

  // The server's refusals, from a stand-in speaking PostgreSQL's protocol and, when
  // DATABASE_URL is set (as in CI), from a real PostgreSQL.
  const real = process.env.DATABASE_URL ? [new URL(process.env.DATABASE_URL)] : [];
  const databaseMissing = errorResponse("3D000", 'database "frid_no_such_db" does not exist');
  const roleMissing = errorResponse("28000", 'role "frid_no_such_role" does not exist');
  let pendingRefusal = databaseMissing;
  let stand: FakeServer;
  beforeAll(async () => {
    stand = await fakeServer((socket) => socket.end(pendingRefusal));
    servers.push(stand);
  });
  const targets = () => [
    { host: "127.0.0.1", port: String(stand.port), user: "postgres" },
    ...real.map((u) => ({ host: u.hostname, port: u.port || "5432", user: u.username })),
  ];

  it("names a database that does not exist", async () => {
    pendingRefusal = databaseMissing;
    for (const { host, port, user } of targets()) {
      const result = await runMain({
        DATABASE_URL: `postgres://${user}@${host}:${port}/frid_no_such_db`,
      });
      expectFailure(
        result,
        `Frid could not start: the database "frid_no_such_db" does not exist on ${host}:${port} (DATABASE_URL). Create it (createdb frid_no_such_db) or correct the database name in DATABASE_URL.`,
      );
    }
  }, 120_000);

  it("names a role that does not exist", async () => {
    pendingRefusal = roleMissing;
    for (const { host, port } of targets()) {
      const result = await runMain({
        DATABASE_URL: `postgres://frid_no_such_role@${host}:${port}/postgres`,
      });
      expectFailure(
        result,
        `Frid could not start: the role "frid_no_such_role" does not exist on ${host}:${port} (DATABASE_URL). Create the role, or correct the user name in DATABASE_URL.`,
      );
    }
  }, 120_000);

  it("refuses a malformed DATABASE_URL before connecting anywhere", async () => {
    const cases: [string, string][] = [
      [
        "postgres://%%%:@@@/",
        "DATABASE_URL is not a valid URL: write it as postgres://user:password@host:5432/database, with special characters in the password percent-encoded (@ as %40)",
      ],
      [
        "postgres://",
        "DATABASE_URL must name the server: postgres://user:password@host:5432/database",
      ],
      ["mysql://frid@db/frid", "DATABASE_URL must be a postgres:// or postgresql:// URL"],
      [
        "postgres://frid:%zz@db/frid",
        "DATABASE_URL has a % that does not begin a percent-encoded character (%XX) in the user name, password or database name",
      ],
    ];
    for (const [url, problem] of cases) {
      const result = await runMain({ DATABASE_URL: url });
      expect(result.status, url).toBe(1);
      expect(result.lines, url).toEqual([
        "Frid cannot start – fix the configuration:",
        `  - ${problem}`,
      ]);
      expect(result.stderr).not.toContain("    at ");
    }
  }, 120_000);

  it("refuses a connect timeout that is not a whole number of seconds from 1 to 600", async () => {
    const result = await runMain({ FRID_DATABASE_CONNECT_TIMEOUT_SECONDS: "0.5" });
    expect(result.lines).toEqual([
      "Frid cannot start – fix the configuration:",
      "  - FRID_DATABASE_CONNECT_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600",
    ]);
  }, 60_000);
});

describe("a reporting replica Frid cannot use stops start-up with one line (ADR 0026)", () => {
  it("refuses one beside the embedded database, and a server that accepts writes", async () => {
    const replica = "postgres://postgres@127.0.0.1:5432/frid";
    const embedded = await runMain({ FRID_REPORTING_DATABASE_URL: replica });
    expect(embedded.lines).toEqual([
      "Frid cannot start – fix the configuration:",
      "  - FRID_REPORTING_DATABASE_URL needs DATABASE_URL: a reporting replica is a streaming replica of a PostgreSQL primary, and the embedded database (PGlite) has none. Set DATABASE_URL to the primary, or unset FRID_REPORTING_DATABASE_URL",
    ]);
    // A primary given as its own replica, on a real PostgreSQL when there is one (CI).
    if (!process.env.DATABASE_URL) return;
    const primary = await createEmptyDatabase("postgres");
    try {
      const url = primary.url as string;
      const result = await runMain({ DATABASE_URL: url, FRID_REPORTING_DATABASE_URL: url });
      expectFailure(
        result,
        "Frid could not start: FRID_REPORTING_DATABASE_URL leads to a server that accepts writes (pg_is_in_recovery() is false), not a streaming replica of DATABASE_URL's primary: point it at the hot standby, or unset it to read reports from the primary",
      );
    } finally {
      await primary.close();
    }
  }, 120_000);
});

describe("a FRID_DATA_DIR Frid cannot use stops start-up with one line", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "frid-startup-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => chmodSync(root, 0o755));

  it("names a folder that is not writable", async () => {
    const dir = join(root, "read-only");
    mkdirSync(dir);
    // No write bit for anyone: PGlite refuses it even to root, and so does Frid's check.
    chmodSync(dir, 0o555);
    expectFailure(
      await runMain({ FRID_DATA_DIR: dir }),
      `Frid could not start: FRID_DATA_DIR ${dir} is not writable. Give the user Frid runs as write access to the folder, or set FRID_DATA_DIR to another folder.`,
    );
  }, 60_000);

  it("refuses a folder with other contents rather than mixing a database into it", async () => {
    const dir = join(root, "documents");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "not a database");
    expectFailure(
      await runMain({ FRID_DATA_DIR: dir }),
      `Frid could not start: FRID_DATA_DIR ${dir} holds other files and is not an embedded Frid database. Set FRID_DATA_DIR to an empty or new folder, or to the folder of Frid's database.`,
    );
  }, 60_000);

  it("names a folder that looks like a database but cannot be opened", async () => {
    const dir = join(root, "broken");
    mkdirSync(dir);
    writeFileSync(join(dir, "PG_VERSION"), "not a version\n");
    expectFailure(
      await runMain({ FRID_DATA_DIR: dir }),
      `Frid could not start: the embedded database in FRID_DATA_DIR ${dir} could not be opened (PGlite failed to initialize properly). If it is Frid's database, restore it from a backup; otherwise set FRID_DATA_DIR to an empty or new folder.`,
    );
  }, 60_000);

  it("names a path that is a file, or lies inside one", async () => {
    const file = join(root, "a-file");
    writeFileSync(file, "x");
    expectFailure(
      await runMain({ FRID_DATA_DIR: file }),
      `Frid could not start: FRID_DATA_DIR ${file} is a file, not a folder. Set FRID_DATA_DIR to a folder for the embedded database (it is created if missing).`,
    );
    expectFailure(
      await runMain({ FRID_DATA_DIR: join(file, "data") }),
      `Frid could not start: FRID_DATA_DIR ${join(file, "data")} could not be created: ${file} is a file. Set FRID_DATA_DIR to a folder for the embedded database (it is created if missing).`,
    );
  }, 120_000);

  it("writes the stack to the debug log only", async () => {
    const file = join(root, "also-a-file");
    writeFileSync(file, "x");
    const result = await runMain({ FRID_DATA_DIR: file, LOG_LEVEL: "debug" });
    expect(result.lines).toHaveLength(1);
    expect(result.stderr).not.toContain("    at ");
    const log = result.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { stack?: string } });
    const entry = log.find((l) => l.msg === "start-up failed");
    expect(entry?.level).toBe(20); // debug
    expect(entry?.err?.stack).toContain("    at ");
  }, 60_000);
});

describe("a port Frid cannot listen on stops start-up with one line", () => {
  it("names the port that is in use", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "frid-port-"));
    const taken = await fakeServer();
    try {
      expectFailure(
        await runMain({ FRID_DATA_DIR: dataDir, PORT: String(taken.port), LOG_LEVEL: "warn" }),
        `Frid could not start: port ${taken.port} on 127.0.0.1 is already in use (PORT). Stop the program that uses it, or set PORT to a free port.`,
      );
    } finally {
      await taken.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Starting on a fresh embedded database migrates it first: minutes on a busy machine.
  }, 240_000);
});
