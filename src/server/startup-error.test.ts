import { describe, expect, it } from "vitest";
import { ConnectTimeoutError } from "./db/connection.ts";
import {
  explainDatabaseFailure,
  explainListenFailure,
  StartupError,
  startupFailureText,
} from "./startup-error.ts";

// The failures a start-up test cannot cause on every machine (root, DNS, a password prompt),
// explained the same way: one line naming the setting, never "[object Object]" or a stack.
const pglite = { kind: "pglite", dataDir: "/var/lib/frid" } as const;
const postgres = {
  kind: "postgres",
  url: "postgres://frid:secret@db.example:6543/frid",
  connectTimeoutSeconds: 15,
  reporting: null,
} as const;

const text = (error: unknown) => startupFailureText(error);

describe("explaining a start-up failure", () => {
  it("reads PGlite's file-system errors (Emscripten errno objects, not Errors)", () => {
    // What PGlite throws for a folder it may not write: {name: "ErrnoError", errno: 2}.
    const errno = Object.assign(Object.create(null), { name: "ErrnoError", errno: 2 });
    expect(text(explainDatabaseFailure(errno, pglite))).toBe(
      "Frid could not start: FRID_DATA_DIR /var/lib/frid is not writable. Give the user Frid runs as write access to the folder, or set FRID_DATA_DIR to another folder.",
    );
    expect(text(explainDatabaseFailure({ errno: 44 }, pglite))).toBe(
      "Frid could not start: the embedded database in FRID_DATA_DIR /var/lib/frid could not be opened (file system error 44). If it is Frid's database, restore it from a backup; otherwise set FRID_DATA_DIR to an empty or new folder.",
    );
  });

  it("names the server, never the password, for PostgreSQL's refusals", () => {
    const cases: [unknown, string][] = [
      [
        Object.assign(new Error('password authentication failed for user "frid"'), {
          code: "28P01",
        }),
        'PostgreSQL at db.example:6543 refused the password of the role "frid" (DATABASE_URL). Correct the user name or password in DATABASE_URL.',
      ],
      [
        Object.assign(new Error("getaddrinfo ENOTFOUND db.example"), { code: "ENOTFOUND" }),
        'the database host "db.example" (DATABASE_URL) was not found. Correct the host in DATABASE_URL.',
      ],
      [
        new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], ""),
        "nothing answers at db.example:6543 (DATABASE_URL). Start PostgreSQL there, or correct the host and port in DATABASE_URL.",
      ],
      [
        new ConnectTimeoutError(15),
        "the database server at db.example:6543 (DATABASE_URL) accepted the connection but did not answer within 15 s. Check that DATABASE_URL points at PostgreSQL, or raise FRID_DATABASE_CONNECT_TIMEOUT_SECONDS.",
      ],
      [
        Object.assign(new Error('no pg_hba.conf entry for host "10.0.0.5"'), { code: "28000" }),
        `PostgreSQL at db.example:6543 (DATABASE_URL) refused the connection: no pg_hba.conf entry for host "10.0.0.5". Check DATABASE_URL and the server's settings.`,
      ],
    ];
    for (const [error, line] of cases) {
      const explained = explainDatabaseFailure(error, postgres);
      expect(explained).toBeInstanceOf(StartupError);
      expect((explained as StartupError).setting).toBe("DATABASE_URL");
      expect(text(explained)).toBe(`Frid could not start: ${line}`);
      expect(text(explained)).not.toContain("secret");
    }
  });

  it("names PORT or HOST when Frid cannot listen", () => {
    const listen = (code: string) =>
      text(explainListenFailure(Object.assign(new Error(code), { code }), "10.9.9.9", 80));
    expect(listen("EACCES")).toBe(
      "Frid could not start: port 80 on 10.9.9.9 may not be used by this user (PORT). Use a port above 1023, with a reverse proxy in front if the port must be 80.",
    );
    expect(listen("EADDRNOTAVAIL")).toBe(
      "Frid could not start: HOST 10.9.9.9 is not an address of this machine. Set HOST to one of its addresses, 127.0.0.1 or 0.0.0.0.",
    );
  });

  it("says something readable, in one line, about anything unforeseen", () => {
    expect(text({ some: "object" })).toBe(
      "Frid could not start: an unexpected error. Run with LOG_LEVEL=debug to see where it happened.",
    );
    expect(text(new Error("disk full\n    at somewhere (file.ts:1:1)"))).toBe(
      "Frid could not start: disk full. Run with LOG_LEVEL=debug to see where it happened.",
    );
  });
});
