import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { z } from "zod";
import { type SamlSpKeySetting, samlSpKeyConfig } from "./auth/saml/sp-key.ts";
import { postgresUrl } from "./config-database-url.ts";

/**
 * Every setting Frid reads, typed, from the environment. README's configuration table lists
 * the same names; a test keeps them in step.
 */
export const settingNames = [
  "NODE_ENV",
  "PORT",
  "HOST",
  "DATABASE_URL",
  "FRID_DATABASE_CONNECT_TIMEOUT_SECONDS",
  "FRID_REPORTING_DATABASE_URL",
  "FRID_REPORTING_MAX_LAG_SECONDS",
  "FRID_DATA_DIR",
  "FRID_DEMO",
  "FRID_SESSION_SECRET",
  "FRID_BODY_LIMIT_BYTES",
  "FRID_TRUST_PROXY",
  "FRID_SESSION_IDLE_MINUTES",
  "FRID_SESSION_ABSOLUTE_HOURS",
  "FRID_LOGIN_MAX_FAILURES",
  "FRID_LOGIN_LOCKOUT_MINUTES",
  "FRID_AUDIT_SEAL_INTERVAL_MS",
  "FRID_SMTP_URL",
  "FRID_SMTP_FROM",
  "FRID_PUBLIC_URL",
  "FRID_CHAT_EXIT_URL",
  "FRID_KEK",
  "FRID_KEK_ID",
  "FRID_KEK_PREVIOUS",
  "FRID_KEK_PREVIOUS_ID",
  "FRID_KEY_STORE_DIR",
  "FRID_SAML_SP_KEY_FILE",
  "FRID_SAML_SP_CERT_FILE",
  "LOG_LEVEL",
] as const;

export type Env = Partial<Record<(typeof settingNames)[number], string>>;

export interface Config {
  mode: "production" | "development";
  /** Demo mode: fictional data seeded once, demo logins, the DEMO banner. Never in production. */
  demo: boolean;
  port: number;
  host: string;
  database:
    | {
        kind: "postgres";
        url: string;
        connectTimeoutSeconds: number;
        /** The streaming replica reports read from (ADR 0026); null: from the primary. */
        reporting: ReportingSetting | null;
      }
    | { kind: "pglite"; dataDir: string };
  sessionSecret: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockoutMinutes: number };
  auditSealIntervalMs: number;
  /** The daily e-mail digest (modules/notifications): null when FRID_SMTP_URL is not set. */
  mail: { smtpUrl: string; from: string; publicUrl: string } | null;
  /** Where the young people's chat's quick exit goes (modules/chat): a neutral site. */
  chatExitUrl: string;
  /** FRID_PUBLIC_URL: the address users open Frid at (the keys' relying party, auth/webauthn). */
  publicUrl: string | null;
  /**
   * The key-encryption key that wraps the organisations' data keys (crypto/, ADR 0021), and
   * the previous one while a rotation re-wraps them; null when FRID_KEK is not set (never in
   * production): then the public development key is used.
   */
  encryption: { kek: KekSetting; previous: KekSetting | null } | null;
  /**
   * The folder of record keys (crypto/record-keys.ts, ADR 0023): FRID_KEY_STORE_DIR, required
   * in production; elsewhere, when not set, `<data folder>-record-keys` beside the database
   * folder (`data-record-keys` for PostgreSQL), made at start.
   */
  recordKeys: { dir: string; configured: boolean };
  /** Frid's SAML key pair (auth/saml/sp-key.ts); null in production without the two files. */
  samlSp: SamlSpKeySetting | null;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  version: string;
}

export interface ReportingSetting {
  url: string;
  /** A replica further behind than this refuses reports with 503 (FRID_REPORTING_MAX_LAG_SECONDS). */
  maxLagSeconds: number;
}

export interface KekSetting {
  id: string;
  key: Buffer;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Frid cannot start – fix the configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const kekFormat =
  "must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`";

/** A key-encryption key: checked and decoded here, never echoed in a message. */
const kekValue = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
      ctx.addIssue({ code: "custom", message: `is not base64: it ${kekFormat}` });
      return;
    }
    const bytes = Buffer.from(value, "base64").length;
    if (bytes !== 32) {
      ctx.addIssue({ code: "custom", message: `is ${bytes} bytes, not 32: it ${kekFormat}` });
    }
  })
  .transform((value) => Buffer.from(value, "base64"));

const kekId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, - or _, e.g. kek-2026");

const secondsMessage = "must be a whole number of seconds from 1 to 600";

const lagMessage = "must be a whole number of seconds from 0 to 86400";

const schema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(0, "must be 0–65535")
    .max(65535, "must be 0–65535")
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: postgresUrl.optional(),
  FRID_DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce
    .number({ error: secondsMessage })
    .int(secondsMessage)
    .min(1, secondsMessage)
    .max(600, secondsMessage)
    .default(15),
  FRID_REPORTING_DATABASE_URL: postgresUrl.optional(),
  // 0 is allowed: the replica must then hold everything the primary had when a report began.
  FRID_REPORTING_MAX_LAG_SECONDS: z.coerce
    .number({ error: lagMessage })
    .int(lagMessage)
    .min(0, lagMessage)
    .max(86_400, lagMessage)
    .default(300),
  FRID_DATA_DIR: z.string().min(1).optional(),
  FRID_DEMO: boolean.optional(),
  FRID_SESSION_SECRET: z.string().optional(),
  FRID_BODY_LIMIT_BYTES: z.coerce
    .number({ error: "must be a number of bytes" })
    .int()
    .min(1024, "must be at least 1024")
    .default(1024 * 1024),
  FRID_TRUST_PROXY: boolean.default(false),
  // Fractions are allowed (0.5 = 30 s) so a browser test can watch a session run out.
  FRID_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .min(0.25)
    .max(24 * 60)
    .default(30),
  FRID_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  FRID_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  FRID_LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  FRID_AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
  FRID_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#]+/, {
      error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.se:587",
    })
    .optional(),
  FRID_SMTP_FROM: z.string().min(3).max(254).optional(),
  FRID_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// address of Frid" })
    .optional(),
  FRID_CHAT_EXIT_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// address" })
    .default("https://www.google.se/"),
  FRID_KEK: kekValue.optional(),
  FRID_KEK_ID: kekId.optional(),
  FRID_KEK_PREVIOUS: kekValue.optional(),
  FRID_KEK_PREVIOUS_ID: kekId.optional(),
  FRID_KEY_STORE_DIR: z.string().min(1).optional(),
  FRID_SAML_SP_KEY_FILE: z.string().min(1).optional(),
  FRID_SAML_SP_CERT_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

/** The digest's mail settings; the sender defaults to frid@ the public address's host. */
function mailConfig(
  smtpUrl: string | undefined,
  from: string | undefined,
  publicUrl: string | undefined,
): Config["mail"] {
  if (!smtpUrl || !publicUrl) return null;
  return { smtpUrl, from: from ?? `Frid <frid@${new URL(publicUrl).hostname}>`, publicUrl };
}

type Settings = z.infer<typeof schema>;

/**
 * The KEK settings as a pair each (key and id), the previous one only beside a current one.
 * Required in production (loadConfig); elsewhere, without FRID_KEK, contact details are
 * sealed under the public development key (crypto/key-service.ts developmentKek).
 */
function encryptionConfig(s: Settings, problems: string[]): Config["encryption"] {
  const pair = (key: Buffer | undefined, id: string | undefined, name: string) => {
    if (key && !id) problems.push(`${name}_ID must be set when ${name} is: it names the key`);
    if (id && !key) problems.push(`${name} must be set when ${name}_ID is`);
    return key && id ? { id, key } : null;
  };
  const kek = pair(s.FRID_KEK, s.FRID_KEK_ID, "FRID_KEK");
  const previous = pair(s.FRID_KEK_PREVIOUS, s.FRID_KEK_PREVIOUS_ID, "FRID_KEK_PREVIOUS");
  if (previous && !s.FRID_KEK) {
    problems.push(
      "FRID_KEK_PREVIOUS is the old key during a rotation and needs the new one: set FRID_KEK too",
    );
  }
  if (kek && previous) {
    if (kek.id === previous.id) problems.push("FRID_KEK_PREVIOUS_ID must differ from FRID_KEK_ID");
    if (kek.key.equals(previous.key)) {
      problems.push("FRID_KEK_PREVIOUS is the same key as FRID_KEK: set FRID_KEK to the new key");
    }
  }
  return kek ? { kek, previous } : null;
}

/** The reporting replica (ADR 0026): only beside a PostgreSQL primary, never PGlite. */
function reportingConfig(s: Settings, problems: string[]): ReportingSetting | null {
  const url = s.FRID_REPORTING_DATABASE_URL;
  if (url && !s.DATABASE_URL) {
    problems.push(
      "FRID_REPORTING_DATABASE_URL needs DATABASE_URL: a reporting replica is a streaming replica of a PostgreSQL primary, and the embedded database (PGlite) has none. Set DATABASE_URL to the primary, or unset FRID_REPORTING_DATABASE_URL",
    );
  }
  return url ? { url, maxLagSeconds: s.FRID_REPORTING_MAX_LAG_SECONDS } : null;
}

/**
 * Where the record keys are. Never inside the embedded database's folder: a copy or backup
 * of that folder would then carry the keys that shredding destroys (ADR 0023).
 */
function recordKeysConfig(s: Settings, cwd: string, problems: string[]): Config["recordKeys"] {
  const dataDir = resolve(cwd, s.FRID_DATA_DIR ?? "data");
  const dir = resolve(cwd, s.FRID_KEY_STORE_DIR ?? `${dataDir}-record-keys`);
  if (!s.DATABASE_URL) {
    const inside = relative(dataDir, dir);
    if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
      problems.push(
        "FRID_KEY_STORE_DIR must be outside FRID_DATA_DIR: a copy of the database folder must not carry the keys that destroying a document destroys",
      );
    }
  }
  return { dir, configured: s.FRID_KEY_STORE_DIR !== undefined };
}

/** Reads the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env as Env, cwd = process.cwd()): Config {
  // Empty strings in the environment mean "not set", as most shells and .env tools intend.
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => (settingNames as readonly string[]).includes(k) && v !== "",
    ),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const s = parsed.data;
  const production = s.NODE_ENV === "production";
  const problems: string[] = [];

  if (production) {
    if (!s.FRID_SESSION_SECRET || s.FRID_SESSION_SECRET.length < 32) {
      problems.push(
        "FRID_SESSION_SECRET must be set to at least 32 random characters in production",
      );
    }
    if (!s.DATABASE_URL && !s.FRID_DATA_DIR) {
      problems.push(
        "set DATABASE_URL (PostgreSQL) or FRID_DATA_DIR (an explicit embedded database path) in production",
      );
    }
    if (s.FRID_DEMO)
      problems.push("FRID_DEMO cannot be true in production: demo data is never seeded there");
    if (!s.FRID_KEK) {
      problems.push(
        "FRID_KEK and FRID_KEK_ID must be set in production: the key-encryption key that protects addresses, phone numbers and other contact details (32 random bytes in base64, e.g. from `openssl rand -base64 32`); keep it outside the database and its backups",
      );
    }
    if (!s.FRID_KEY_STORE_DIR) {
      problems.push(
        "FRID_KEY_STORE_DIR must be set in production: a folder outside the database and its backups where the documents' own keys are kept (destroying a document destroys its key there)",
      );
    }
  } else if (s.FRID_SESSION_SECRET !== undefined && s.FRID_SESSION_SECRET.length < 32) {
    problems.push("FRID_SESSION_SECRET must be at least 32 characters");
  }
  if (s.FRID_SMTP_URL && !s.FRID_PUBLIC_URL) {
    problems.push(
      "FRID_PUBLIC_URL must be set when FRID_SMTP_URL is: the daily digest links to Frid at that address",
    );
  }
  const reporting = reportingConfig(s, problems);
  const encryption = encryptionConfig(s, problems);
  const recordKeys = recordKeysConfig(s, cwd, problems);
  const samlSp = samlSpKeyConfig(
    { keyFile: s.FRID_SAML_SP_KEY_FILE, certFile: s.FRID_SAML_SP_CERT_FILE },
    { cwd, dataDir: resolve(cwd, s.FRID_DATA_DIR ?? "data"), production },
    problems,
  );
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode: production ? "production" : "development",
    demo: production ? false : (s.FRID_DEMO ?? true),
    port: s.PORT,
    host: s.HOST,
    database: s.DATABASE_URL
      ? {
          kind: "postgres",
          url: s.DATABASE_URL,
          connectTimeoutSeconds: s.FRID_DATABASE_CONNECT_TIMEOUT_SECONDS,
          reporting,
        }
      : { kind: "pglite", dataDir: resolve(cwd, s.FRID_DATA_DIR ?? "data") },
    // Outside production a per-process secret is enough: nothing signed must outlive it.
    sessionSecret: s.FRID_SESSION_SECRET ?? randomBytes(32).toString("base64url"),
    bodyLimitBytes: s.FRID_BODY_LIMIT_BYTES,
    trustProxy: s.FRID_TRUST_PROXY,
    session: {
      idleMinutes: s.FRID_SESSION_IDLE_MINUTES,
      absoluteHours: s.FRID_SESSION_ABSOLUTE_HOURS,
    },
    login: { maxFailures: s.FRID_LOGIN_MAX_FAILURES, lockoutMinutes: s.FRID_LOGIN_LOCKOUT_MINUTES },
    auditSealIntervalMs: s.FRID_AUDIT_SEAL_INTERVAL_MS,
    mail: mailConfig(s.FRID_SMTP_URL, s.FRID_SMTP_FROM, s.FRID_PUBLIC_URL),
    chatExitUrl: s.FRID_CHAT_EXIT_URL,
    publicUrl: s.FRID_PUBLIC_URL ?? null,
    encryption,
    recordKeys,
    samlSp,
    logLevel: s.LOG_LEVEL,
    version: packageVersion(),
  };
}
