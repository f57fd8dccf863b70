import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { samlOrigin, serviceProvider } from "./service-provider.ts";

const folder = mkdtempSync(join(tmpdir(), "frid-saml-origin-"));
const provider = { id: "00000000-0000-4000-8000-000000000001", org_id: "org" };

describe("Frid's address as a SAML IdP knows it", () => {
  it("is FRID_PUBLIC_URL when set, its path kept", () => {
    const config = loadConfig({ FRID_PUBLIC_URL: "https://kommun.example.se/frid/" }, folder);
    expect(serviceProvider(config, provider)).toEqual({
      entityId: `https://kommun.example.se/frid/api/auth/saml/${provider.id}/metadata`,
      acsUrl: "https://kommun.example.se/frid/api/auth/saml/acs",
      sloUrl: `https://kommun.example.se/frid/api/auth/saml/${provider.id}/slo`,
    });
  });

  it("is localhost at the configured port outside production, so the development server works without it", () => {
    const config = loadConfig({ PORT: "3123" }, folder);
    expect(samlOrigin(config)).toBe("http://localhost:3123");
    expect(serviceProvider(config, provider).acsUrl).toBe(
      "http://localhost:3123/api/auth/saml/acs",
    );
  });

  it("is unknown in production without FRID_PUBLIC_URL: every SAML step is refused (sp_unconfigured)", () => {
    const config = loadConfig(
      {
        NODE_ENV: "production",
        PORT: "3123",
        FRID_SESSION_SECRET: "x".repeat(40),
        FRID_DATA_DIR: "/var/lib/frid",
        FRID_KEK: randomBytes(32).toString("base64"),
        FRID_KEK_ID: "kek-1",
        FRID_KEY_STORE_DIR: "/var/lib/frid-record-keys",
      },
      folder,
    );
    expect(samlOrigin(config)).toBeNull();
    expect(() => serviceProvider(config, provider)).toThrow(
      expect.objectContaining({ why: "sp_unconfigured" }),
    );
  });
});
