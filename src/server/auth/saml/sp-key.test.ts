import { createPrivateKey, randomBytes, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, type Env, loadConfig } from "../../config.ts";
import { buildApp } from "../../http/app.ts";
import type { App } from "../../http/context.ts";
import { createLogger } from "../../log.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUser } from "../../testing/factories.ts";
import { hsaIdAttribute, loa3, signingKey, TestSamlIdp } from "../../testing/saml-idp.ts";
import { fridPublicUrl, fridSpKey, spKeyEnv } from "../../testing/saml-login.ts";
import { spKeyPair } from "./sp-key.ts";

const production: Env = {
  NODE_ENV: "production",
  FRID_SESSION_SECRET: "x".repeat(40),
  FRID_DATA_DIR: "/var/lib/frid",
  FRID_KEK: randomBytes(32).toString("base64"),
  FRID_KEK_ID: "kek-1",
  FRID_KEY_STORE_DIR: "/var/lib/frid-record-keys",
};
const folder = mkdtempSync(join(tmpdir(), "frid-sp-key-test-"));
const file = (name: string, text: string) => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};
const problemsOf = (env: Env) => {
  try {
    loadConfig(env, folder);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe("Frid's SAML key pair from the configuration", () => {
  it("reads the key and certificate named in production", () => {
    const c = loadConfig({ ...production, ...spKeyEnv() }, folder);
    expect(c.samlSp).toEqual({
      kind: "files",
      keyPem: fridSpKey.keyPem,
      certPem: new X509Certificate(fridSpKey.certPem).toString(),
    });
  });

  it("has none in production without the files: SAML is then refused, the start is not", () => {
    expect(loadConfig(production, folder).samlSp).toBeNull();
  });

  it("refuses to start with one file without the other, an unreadable, wrong or mismatched one", () => {
    const { FRID_SAML_SP_KEY_FILE: key, FRID_SAML_SP_CERT_FILE: cert } = spKeyEnv();
    expect(problemsOf({ ...production, FRID_SAML_SP_KEY_FILE: key })).toEqual([
      expect.stringMatching(/^FRID_SAML_SP_KEY_FILE and FRID_SAML_SP_CERT_FILE are set together/),
    ]);
    expect(
      problemsOf({
        ...production,
        FRID_SAML_SP_KEY_FILE: "saknas.pem",
        FRID_SAML_SP_CERT_FILE: cert,
      }),
    ).toEqual(["FRID_SAML_SP_KEY_FILE cannot be read (ENOENT)"]);
    const secret = file("not-a-key.pem", "hemlig text");
    const notKey = problemsOf({
      ...production,
      FRID_SAML_SP_KEY_FILE: secret,
      FRID_SAML_SP_CERT_FILE: cert,
    });
    expect(notKey).toEqual([expect.stringMatching(/^FRID_SAML_SP_KEY_FILE is not a private key/)]);
    // What the file holds is never repeated in the message.
    expect(notKey.join(" ")).not.toContain("hemlig");
    expect(
      problemsOf({ ...production, FRID_SAML_SP_KEY_FILE: key, FRID_SAML_SP_CERT_FILE: key }),
    ).toEqual([expect.stringMatching(/^FRID_SAML_SP_CERT_FILE is not a certificate/)]);
    const other = file("other-cert.pem", signingKey("Other").certPem);
    expect(
      problemsOf({ ...production, FRID_SAML_SP_KEY_FILE: key, FRID_SAML_SP_CERT_FILE: other }),
    ).toEqual([
      "FRID_SAML_SP_CERT_FILE is not the certificate of the key in FRID_SAML_SP_KEY_FILE",
    ]);
  });

  it("outside production makes a pair once beside the data folder, and keeps it", async () => {
    const dataDir = join(folder, "data");
    const c = loadConfig({ FRID_DATA_DIR: dataDir }, folder);
    expect(c.samlSp).toEqual({ kind: "generated", dir: `${dataDir}-saml-sp` });
    const [first, again] = await Promise.all([spKeyPair(c.samlSp), spKeyPair(c.samlSp)]);
    expect(again).toEqual(first);
    const keyPath = join(`${dataDir}-saml-sp`, "sp-key.pem");
    expect(readFileSync(keyPath, "utf8")).toBe(first?.keyPem);
    expect(statSync(keyPath).mode & 0o077).toBe(0);
    const cert = new X509Certificate(first?.certPem ?? "");
    expect(cert.publicKey.asymmetricKeyType).toBe("rsa");
    expect(cert.checkPrivateKey(createPrivateKey(first?.keyPem ?? ""))).toBe(true);
    // A later start names the same files: the pair Frid made is the pair it reads.
    const later = loadConfig(
      {
        FRID_DATA_DIR: dataDir,
        FRID_SAML_SP_KEY_FILE: keyPath,
        FRID_SAML_SP_CERT_FILE: join(`${dataDir}-saml-sp`, "sp-cert.pem"),
      },
      folder,
    );
    expect(later.samlSp).toMatchObject({ kind: "files", keyPem: first?.keyPem });
  });
});

describe.each(testDatabaseKinds)("SAML without Frid's key pair (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const idp = new TestSamlIdp("https://idp.nokey.example/saml", "https://idp.nokey.example/sso");
  let app: App;
  let providerId: string;

  beforeAll(async () => {
    const config = loadConfig({ FRID_DEMO: "true", FRID_PUBLIC_URL: fridPublicUrl });
    // As production without FRID_SAML_SP_KEY_FILE: no pair to sign or decrypt with.
    app = await buildApp({
      config: { ...config, samlSp: null },
      database: database(),
      logger: createLogger("silent"),
      webRoot: null,
    });
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    ({ id: providerId } = await owner
      .insertInto("identity_provider")
      .values({
        org_id: orgId,
        created_by: admin.id,
        updated_by: admin.id,
        protocol: "saml",
        display_name: "Utan nyckel",
        saml_entity_id: idp.entityId,
        saml_sso_url: idp.ssoUrl,
        saml_certificates: [idp.key.certPem],
        identifier_kind: "hsa_id",
        identifier_claim: hsaIdAttribute,
        acr_values: [loa3],
      })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(() => app?.close());

  it("refuses to begin a login or serve metadata (503 sp_unconfigured), audited", async () => {
    for (const path of ["start", "metadata"]) {
      const res = await app.inject({ method: "GET", url: `/api/auth/saml/${providerId}/${path}` });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toContain("FRID_SAML_SP_KEY_FILE");
    }
    const refusals = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "login.saml_failed")
      .execute();
    const mine = refusals.filter(
      (r) => (r.data as { providerId?: string }).providerId === providerId,
    );
    expect(mine.map((r) => (r.data as { why: string }).why)).toEqual([
      "sp_unconfigured",
      "sp_unconfigured",
    ]);
  });
});
