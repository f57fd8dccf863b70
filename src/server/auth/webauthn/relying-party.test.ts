import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { relyingParty } from "./relying-party.ts";

/* Who keys are made for: FRID_PUBLIC_URL's host; without it localhost outside production only. */
describe("the relying party of security keys", () => {
  const development = { ...loadConfig({}, process.cwd()), publicUrl: null };
  const production = { ...development, mode: "production" as const };

  it("is FRID_PUBLIC_URL's host and origin, in production too", () => {
    const config = { ...production, publicUrl: "https://frid.kommun.se/" };
    expect(relyingParty(config, 3000)).toEqual({
      id: "frid.kommun.se",
      name: "Frid",
      origin: "https://frid.kommun.se",
    });
  });

  it("is localhost on the server's own port outside production", () => {
    expect(relyingParty(development, 3000)).toEqual({
      id: "localhost",
      name: "Frid",
      origin: "http://localhost:3000",
    });
  });

  it("refuses in production without FRID_PUBLIC_URL, whatever the port", () => {
    expect(() => relyingParty(production, 3000)).toThrow(/FRID_PUBLIC_URL/);
    expect(() => relyingParty(development, undefined)).toThrow(/FRID_PUBLIC_URL/);
  });
});
