import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, settingNames } from "./config.ts";

const cwd = "/srv/frid";

describe("loadConfig", () => {
  it("starts without any configuration in demo mode on the embedded database in ./data", () => {
    const c = loadConfig({}, cwd);
    expect(c).toMatchObject({
      mode: "development",
      demo: true,
      port: 3000,
      host: "127.0.0.1",
      database: { kind: "pglite", dataDir: "/srv/frid/data" },
      bodyLimitBytes: 1024 * 1024,
    });
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://frid@localhost:5432/frid" }, cwd);
    expect(c.database).toEqual({
      kind: "postgres",
      url: "postgres://frid@localhost:5432/frid",
      connectTimeoutSeconds: 15,
      reporting: null,
    });
  });

  it("reads reports from a replica only beside a PostgreSQL primary (ADR 0026)", () => {
    const primary = "postgres://frid@db1.example:5432/frid";
    const replica = "postgres://frid@db2.example:5432/frid";
    const c = loadConfig({ DATABASE_URL: primary, FRID_REPORTING_DATABASE_URL: replica }, cwd);
    expect(c.database).toEqual({
      kind: "postgres",
      url: primary,
      connectTimeoutSeconds: 15,
      reporting: { url: replica, maxLagSeconds: 300 },
    });
    const strict = loadConfig(
      {
        DATABASE_URL: primary,
        FRID_REPORTING_DATABASE_URL: replica,
        FRID_REPORTING_MAX_LAG_SECONDS: "0",
      },
      cwd,
    );
    expect(strict.database).toMatchObject({ reporting: { maxLagSeconds: 0 } });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, cwd);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    // The embedded database has no replica: a clear refusal at start, not a silent primary.
    expect(problems({ FRID_REPORTING_DATABASE_URL: replica })).toEqual([
      expect.stringMatching(/^FRID_REPORTING_DATABASE_URL needs DATABASE_URL: .*PGlite/),
    ]);
    expect(problems({ DATABASE_URL: primary, FRID_REPORTING_DATABASE_URL: "db2:5432" })).toEqual([
      "FRID_REPORTING_DATABASE_URL must be a postgres:// or postgresql:// URL",
    ]);
    expect(
      problems({
        DATABASE_URL: primary,
        FRID_REPORTING_DATABASE_URL: replica,
        FRID_REPORTING_MAX_LAG_SECONDS: "-1",
      }),
    ).toEqual(["FRID_REPORTING_MAX_LAG_SECONDS must be a whole number of seconds from 0 to 86400"]);
  });

  it("refuses a DATABASE_URL the driver would misread, without echoing it", () => {
    const problem = (url: string) => {
      try {
        loadConfig({ DATABASE_URL: url }, cwd);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(problem("postgres://%%%:@@@/")).toEqual([
      "DATABASE_URL is not a valid URL: write it as postgres://user:password@host:5432/database, with special characters in the password percent-encoded (@ as %40)",
    ]);
    expect(problem("postgres://")).toEqual([
      "DATABASE_URL must name the server: postgres://user:password@host:5432/database",
    ]);
    expect(problem("postgres://frid:s%zzret@db/frid")).toEqual([
      "DATABASE_URL has a % that does not begin a percent-encoded character (%XX) in the user name, password or database name",
    ]);
    expect(problem("garbage")).toEqual(["DATABASE_URL must be a postgres:// or postgresql:// URL"]);
    for (const fine of [
      "postgresql://frid:p%40ss@db.example:6543/frid",
      "postgres:///frid?host=/var/run/postgresql",
      "postgres://frid@[::1]/frid",
    ]) {
      expect(problem(fine), fine).toEqual([]);
    }
  });

  it("takes the database connect timeout in whole seconds, 1 to 600", () => {
    const url = "postgres://frid@localhost/frid";
    expect(
      loadConfig({ DATABASE_URL: url, FRID_DATABASE_CONNECT_TIMEOUT_SECONDS: "3" }, cwd).database,
    ).toMatchObject({ connectTimeoutSeconds: 3 });
    for (const bad of ["0", "0.5", "601", "soon"]) {
      expect(() => loadConfig({ FRID_DATABASE_CONNECT_TIMEOUT_SECONDS: bad }, cwd), bad).toThrow(
        "FRID_DATABASE_CONNECT_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600",
      );
    }
  });

  it("refuses to start in production without a session secret, a database setting, a KEK and a key store", () => {
    const attempt = () => loadConfig({ NODE_ENV: "production" }, cwd);
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "FRID_SESSION_SECRET must be set to at least 32 random characters in production",
        "set DATABASE_URL (PostgreSQL) or FRID_DATA_DIR (an explicit embedded database path) in production",
        expect.stringMatching(/^FRID_KEK and FRID_KEK_ID must be set in production/),
        expect.stringMatching(/^FRID_KEY_STORE_DIR must be set in production/),
      ]);
    }
  });

  it("never runs demo mode in production", () => {
    const secret = "x".repeat(40);
    const kek = {
      FRID_KEK: randomBytes(32).toString("base64"),
      FRID_KEK_ID: "kek-1",
      FRID_KEY_STORE_DIR: "/var/lib/frid-record-keys",
    };
    const c = loadConfig(
      {
        NODE_ENV: "production",
        FRID_SESSION_SECRET: secret,
        FRID_DATA_DIR: "/var/lib/frid",
        ...kek,
      },
      cwd,
    );
    expect(c.demo).toBe(false);
    expect(() =>
      loadConfig(
        {
          NODE_ENV: "production",
          FRID_SESSION_SECRET: secret,
          FRID_DATA_DIR: "/d",
          FRID_DEMO: "true",
          ...kek,
        },
        cwd,
      ),
    ).toThrow(/FRID_DEMO cannot be true in production/);
  });

  it("keeps the record keys beside the data folder by default, and never inside it", () => {
    expect(loadConfig({}, cwd).recordKeys).toEqual({
      dir: resolve(cwd, "data-record-keys"),
      configured: false,
    });
    expect(loadConfig({ FRID_KEY_STORE_DIR: "/srv/keys" }, cwd).recordKeys).toEqual({
      dir: "/srv/keys",
      configured: true,
    });
    for (const inside of ["/srv/frid", "/srv/frid/keys"]) {
      expect(() =>
        loadConfig({ FRID_DATA_DIR: "/srv/frid", FRID_KEY_STORE_DIR: inside }, cwd),
      ).toThrow(/FRID_KEY_STORE_DIR must be outside FRID_DATA_DIR/);
    }
    // Beside it, or anywhere with PostgreSQL, is fine.
    expect(
      loadConfig({ FRID_DATA_DIR: "/srv/frid", FRID_KEY_STORE_DIR: "/srv/frid-keys" }, cwd)
        .recordKeys.dir,
    ).toBe("/srv/frid-keys");
  });

  it("names every bad value at once", () => {
    expect(() =>
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" }, cwd),
    ).toThrow(
      /PORT[\s\S]*DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL[\s\S]*LOG_LEVEL/,
    );
  });

  it("takes a fraction of a minute as the idle limit (browser tests), but not less than 15 s", () => {
    expect(loadConfig({ FRID_SESSION_IDLE_MINUTES: "0.5" }, cwd).session.idleMinutes).toBe(0.5);
    expect(() => loadConfig({ FRID_SESSION_IDLE_MINUTES: "0.1" }, cwd)).toThrow(
      /FRID_SESSION_IDLE_MINUTES/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }, cwd)).toMatchObject({
      port: 3000,
      database: { kind: "pglite" },
    });
  });

  it("sends the digest only with an SMTP server and Frid's public address, never echoing the URL", () => {
    expect(loadConfig({}, cwd).mail).toBeNull();
    const secret = "smtp://frid:hemligt@mail.exempel.se:587";
    expect(() => loadConfig({ FRID_SMTP_URL: secret }, cwd)).toThrow(/FRID_PUBLIC_URL must be set/);
    const bad = (() => {
      try {
        loadConfig({ FRID_SMTP_URL: "http://hemligt@x", FRID_PUBLIC_URL: "https://frid.se" }, cwd);
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(bad?.join(" ")).toContain("FRID_SMTP_URL must be an smtp:// or smtps:// URL");
    expect(bad?.join(" ")).not.toContain("hemligt");
    expect(
      loadConfig({ FRID_SMTP_URL: secret, FRID_PUBLIC_URL: "https://frid.kommun.se/" }, cwd).mail,
    ).toEqual({
      smtpUrl: secret,
      from: "Frid <frid@frid.kommun.se>",
      publicUrl: "https://frid.kommun.se/",
    });
  });

  it("takes the key-encryption key and its id, and the previous pair during a rotation", () => {
    expect(loadConfig({}, cwd).encryption).toBeNull();
    const kek = randomBytes(32);
    const old = randomBytes(32);
    expect(
      loadConfig({ FRID_KEK: kek.toString("base64"), FRID_KEK_ID: "kek-2027" }, cwd).encryption,
    ).toEqual({ kek: { id: "kek-2027", key: kek }, previous: null });
    expect(
      loadConfig(
        {
          FRID_KEK: kek.toString("base64url"),
          FRID_KEK_ID: "kek-2027",
          FRID_KEK_PREVIOUS: `${old.toString("base64")}\n`,
          FRID_KEK_PREVIOUS_ID: "kek-2026",
        },
        cwd,
      ).encryption,
    ).toEqual({ kek: { id: "kek-2027", key: kek }, previous: { id: "kek-2026", key: old } });
  });

  it("names a malformed key-encryption key without echoing it", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, cwd);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    const format =
      "must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`";
    const short = randomBytes(16).toString("base64");
    expect(problems({ FRID_KEK: short, FRID_KEK_ID: "k" })).toEqual([
      `FRID_KEK is 16 bytes, not 32: it ${format}`,
    ]);
    expect(problems({ FRID_KEK: "hemlig nyckel!", FRID_KEK_ID: "k" })).toEqual([
      `FRID_KEK is not base64: it ${format}`,
    ]);
    expect(
      problems({ FRID_KEK: randomBytes(32).toString("base64"), FRID_KEK_PREVIOUS: short }),
    ).toEqual([`FRID_KEK_PREVIOUS is 16 bytes, not 32: it ${format}`]);
    expect(
      problems({ FRID_KEK: randomBytes(32).toString("base64"), FRID_KEK_ID: "kek 1" }),
    ).toEqual(["FRID_KEK_ID must be 1–64 letters, digits, - or _, e.g. kek-2026"]);
    expect(problems({ FRID_KEK: "hemlig nyckel!" }).join(" ")).not.toContain("hemlig");
  });

  it("wants each key with its id, and the previous key only beside a current one", () => {
    const key = () => randomBytes(32).toString("base64");
    const same = key();
    const attempt = (env: Record<string, string>) => () => loadConfig(env, cwd);
    expect(attempt({ FRID_KEK: key() })).toThrow("FRID_KEK_ID must be set when FRID_KEK is");
    expect(attempt({ FRID_KEK_ID: "k" })).toThrow("FRID_KEK must be set when FRID_KEK_ID is");
    expect(attempt({ FRID_KEK_PREVIOUS: key(), FRID_KEK_PREVIOUS_ID: "old" })).toThrow(
      "FRID_KEK_PREVIOUS is the old key during a rotation and needs the new one: set FRID_KEK too",
    );
    expect(
      attempt({
        FRID_KEK: key(),
        FRID_KEK_ID: "k",
        FRID_KEK_PREVIOUS: key(),
        FRID_KEK_PREVIOUS_ID: "k",
      }),
    ).toThrow("FRID_KEK_PREVIOUS_ID must differ from FRID_KEK_ID");
    expect(
      attempt({
        FRID_KEK: same,
        FRID_KEK_ID: "new",
        FRID_KEK_PREVIOUS: same,
        FRID_KEK_PREVIOUS_ID: "old",
      }),
    ).toThrow("FRID_KEK_PREVIOUS is the same key as FRID_KEK");
  });

  it("is documented: every setting appears in the README's configuration table", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const name of settingNames) expect(readme).toContain(`| \`${name}\``);
  });
});
