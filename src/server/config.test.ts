import { readFileSync } from "node:fs";
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
    expect(c.database).toEqual({ kind: "postgres", url: "postgres://frid@localhost:5432/frid" });
  });

  it("refuses to start in production without a session secret and a database setting", () => {
    const attempt = () => loadConfig({ NODE_ENV: "production" }, cwd);
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "FRID_SESSION_SECRET must be set to at least 32 random characters in production",
        "set DATABASE_URL (PostgreSQL) or FRID_DATA_DIR (an explicit embedded database path) in production",
      ]);
    }
  });

  it("never runs demo mode in production", () => {
    const secret = "x".repeat(40);
    const c = loadConfig(
      { NODE_ENV: "production", FRID_SESSION_SECRET: secret, FRID_DATA_DIR: "/var/lib/frid" },
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
        },
        cwd,
      ),
    ).toThrow(/FRID_DEMO cannot be true in production/);
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

  it("is documented: every setting appears in the README's configuration table", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const name of settingNames) expect(readme).toContain(`| \`${name}\``);
  });
});
