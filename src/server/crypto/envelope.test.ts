import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CryptoError, isSealed, keyIdOf, openWith, sealedPrefix, sealWith } from "./envelope.ts";

const dek = randomBytes(32);
const keyId = "3f0c2a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6";
const keys = new Map([[keyId, dek]]);
const lookup = (id: string) => keys.get(id);
const aad = "person.postal_address:org-1";

/** The failure openWith throws, so a test can say which one it expects. */
function failure(open: () => unknown): CryptoError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return error as CryptoError;
  }
  throw new Error("expected a CryptoError, but the value opened");
}

/**
 * Flips one bit of the sealed bytes (iv | ciphertext | tag) at `at`. On the bytes, not a
 * character: base64url's last character may carry unused bits, and changing only those
 * would change nothing.
 */
function flipByte(stored: string, at: number): string {
  const head = sealedPrefix(keyId);
  const box = Buffer.from(stored.slice(head.length), "base64url");
  box[at] = (box[at] as number) ^ 0x01;
  return head + box.toString("base64url");
}

describe("sealWith and openWith", () => {
  it("round-trips Swedish letters, emoji and the empty text", () => {
    for (const text of ["Hemligvägen 17, 461 30 Trollhättan", "ÅÄÖ åäö é 🛡️👩‍👧", "", "x"]) {
      const stored = sealWith(dek, keyId, text, aad);
      expect(isSealed(stored)).toBe(true);
      expect(openWith(lookup, stored, aad)).toBe(text);
    }
  });

  it("writes the readable key id in front: f1.<keyId>.<base64url>", () => {
    const stored = sealWith(dek, keyId, "+46701234567", aad);
    expect(stored).toMatch(/^f1\.3f0c2a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6\.[A-Za-z0-9_-]+$/);
    expect(stored.startsWith(sealedPrefix(keyId))).toBe(true);
    expect(keyIdOf(stored)).toBe(keyId);
    expect(keyIdOf("+46701234567")).toBeNull();
  });

  it("seals the same text differently each time (a random IV per seal)", () => {
    const a = sealWith(dek, keyId, "Blåklint", aad);
    const b = sealWith(dek, keyId, "Blåklint", aad);
    expect(a).not.toBe(b);
    expect(openWith(lookup, a, aad)).toBe(openWith(lookup, b, aad));
  });

  it("shows no part of the plaintext in the sealed value", () => {
    // Five characters of random base64url match a given five by chance ~1 in 10^9 per place.
    for (const text of ["Hemligvägen 17", "+46701234567", "sara.berg@exempel.se", "Blåklint"]) {
      const stored = sealWith(dek, keyId, text, aad);
      for (let i = 0; i + 5 <= text.length; i++) {
        expect(stored, text.slice(i, i + 5)).not.toContain(text.slice(i, i + 5));
      }
    }
  });

  it("refuses a value moved to another column or organisation (the AAD)", () => {
    const stored = sealWith(dek, keyId, "Hemligvägen 17", aad);
    for (const elsewhere of ["person.phone:org-1", "person.postal_address:org-2", ""]) {
      const error = failure(() => openWith(lookup, stored, elsewhere));
      expect(error.reason).toBe("not_authentic");
      expect(error.message).toContain("belongs to another field or organisation");
    }
  });

  it("refuses a changed byte anywhere: IV, ciphertext or tag", () => {
    const stored = sealWith(dek, keyId, "Hemligvägen 17", aad);
    // 12 bytes of IV, 15 of ciphertext (ä is two bytes), 16 of tag.
    for (const at of [0, 11, 12, 26, 27, 42]) {
      const tampered = flipByte(stored, at);
      expect(tampered).not.toBe(stored);
      expect(failure(() => openWith(lookup, tampered, aad)).reason).toBe("not_authentic");
    }
  });

  it("refuses a key id that is not loaded, naming it", () => {
    const stored = sealWith(randomBytes(32), "other-key", "Hemligvägen 17", aad);
    const error = failure(() => openWith(lookup, stored, aad));
    expect(error.reason).toBe("unknown_key");
    expect(error.message).toContain("other-key");
  });

  it("refuses an envelope sealed under another key with the same id", () => {
    const stored = sealWith(randomBytes(32), keyId, "Hemligvägen 17", aad);
    expect(failure(() => openWith(lookup, stored, aad)).reason).toBe("not_authentic");
  });

  it("refuses a damaged envelope instead of reading it as plaintext", () => {
    const stored = sealWith(dek, keyId, "Hemligvägen 17", aad);
    for (const damaged of [
      "f1.",
      `f1.${keyId}`,
      `f1.${keyId}.`,
      `f1.${keyId}.AAAA`,
      `${stored}=`,
      stored.replace(`f1.${keyId}.`, "f1.bad key."),
    ]) {
      expect(failure(() => openWith(lookup, damaged, aad)).reason, damaged).toBe("malformed");
    }
  });

  it("passes legacy plaintext through, so a backfill can run while Frid reads", () => {
    expect(isSealed("Storgatan 1, 123 45 Ort")).toBe(false);
    expect(openWith(lookup, "Storgatan 1, 123 45 Ort", aad)).toBe("Storgatan 1, 123 45 Ort");
    expect(openWith(lookup, "", aad)).toBe("");
  });

  it("refuses legacy plaintext once told the column is fully sealed", () => {
    const error = failure(() => openWith(lookup, "Storgatan 1", aad, { legacy: "refuse" }));
    expect(error.reason).toBe("plaintext_refused");
    expect(error.message).not.toContain("Storgatan");
    const stored = sealWith(dek, keyId, "Storgatan 1", aad);
    expect(openWith(lookup, stored, aad, { legacy: "refuse" })).toBe("Storgatan 1");
  });

  it("refuses a key of the wrong length or a key id with the separator in it", () => {
    expect(failure(() => sealWith(randomBytes(16), keyId, "x", aad)).reason).toBe("bad_key");
    expect(failure(() => sealWith(dek, "a.b", "x", aad)).reason).toBe("bad_key");
    expect(failure(() => sealWith(dek, "", "x", aad)).reason).toBe("bad_key");
  });

  it("never puts the plaintext in an error message", () => {
    const stored = sealWith(dek, keyId, "Hemligvägen 17", aad);
    const error = failure(() => openWith(lookup, stored, "person.phone:org-1"));
    expect(error.message).not.toContain("Hemlig");
  });
});
