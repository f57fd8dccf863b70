import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from "./totp.ts";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890".
const rfcSecret = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's test vectors (last six digits)", () => {
    const vectors: [number, string][] = [
      [59, "287082"],
      [1111111109, "081804"],
      [1111111111, "050471"],
      [1234567890, "005924"],
      [2000000000, "279037"],
    ];
    for (const [seconds, code] of vectors)
      expect(totp(rfcSecret, new Date(seconds * 1000))).toBe(code);
  });

  it("matches RFC 4226's HOTP vectors", () => {
    const secret = Buffer.from("12345678901234567890");
    expect([0, 1, 2, 9].map((c) => hotp(secret, c))).toEqual([
      "755224",
      "287082",
      "359152",
      "520489",
    ]);
  });

  it("accepts one step of clock drift, not two", () => {
    const now = new Date(1_700_000_000_000);
    const code = totp(rfcSecret, now);
    expect(verifyTotp(rfcSecret, code, new Date(now.getTime() + 30_000))).toBe(true);
    expect(verifyTotp(rfcSecret, code, new Date(now.getTime() + 90_000))).toBe(false);
    expect(verifyTotp(rfcSecret, "12345", now)).toBe(false);
  });

  it("round-trips base32 and builds an otpauth URI", () => {
    expect(base32Decode(rfcSecret).toString()).toBe("12345678901234567890");
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "anna")).toBe(
      "otpauth://totp/Frid%3Aanna?secret=JBSWY3DPEHPK3PXP&issuer=Frid&algorithm=SHA1&digits=6&period=30",
    );
  });
});
