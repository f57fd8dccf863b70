import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CryptoError } from "./envelope.ts";
import { ConfigKeyService, newDataKey, rewrapDataKey } from "./key-service.ts";

const kek2026 = { id: "kek-2026", key: randomBytes(32) };
const kek2027 = { id: "kek-2027", key: randomBytes(32) };

async function failure(attempt: Promise<unknown>): Promise<CryptoError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CryptoError);
  return error as CryptoError;
}

describe("ConfigKeyService", () => {
  it("wraps a data key so that only the KEK unwraps it", async () => {
    const service = new ConfigKeyService(kek2026);
    const dek = newDataKey();
    const wrapped = await service.wrap(dek);
    expect(service.kekId).toBe("kek-2026");
    expect(wrapped.includes(dek)).toBe(false);
    expect(await service.unwrap(wrapped, "kek-2026")).toEqual(dek);
  });

  it("wraps the same data key differently each time", async () => {
    const service = new ConfigKeyService(kek2026);
    const dek = newDataKey();
    expect(await service.wrap(dek)).not.toEqual(await service.wrap(dek));
  });

  it("makes a new 32-byte random data key each time", () => {
    const a = newDataKey();
    expect(a).toHaveLength(32);
    expect(newDataKey()).not.toEqual(a);
  });

  it("unwraps under the previous KEK during rotation and re-wraps under the new one", async () => {
    const before = new ConfigKeyService(kek2026);
    const dek = newDataKey();
    const wrappedOld = await before.wrap(dek);

    const during = new ConfigKeyService(kek2027, kek2026);
    expect(during.kekId).toBe("kek-2027");
    expect(await during.unwrap(wrappedOld, "kek-2026")).toEqual(dek);

    const rewrapped = await rewrapDataKey(during, wrappedOld, "kek-2026");
    expect(rewrapped.kekId).toBe("kek-2027");
    const after = new ConfigKeyService(kek2027);
    expect(await after.unwrap(rewrapped.wrapped, "kek-2027")).toEqual(dek);
  });

  it("refuses a data key wrapped under a KEK id it does not have, saying what to set", async () => {
    const wrapped = await new ConfigKeyService(kek2026).wrap(newDataKey());
    const error = await failure(new ConfigKeyService(kek2027).unwrap(wrapped, "kek-2026"));
    expect(error.reason).toBe("unknown_key");
    expect(error.message).toContain("kek-2026");
    expect(error.message).toContain("FRID_KEK_PREVIOUS");
  });

  it("refuses when the KEK under that id is another key, or the wrapped key was changed", async () => {
    const wrapped = await new ConfigKeyService(kek2026).wrap(newDataKey());
    const impostor = new ConfigKeyService({ id: "kek-2026", key: randomBytes(32) });
    expect((await failure(impostor.unwrap(wrapped, "kek-2026"))).reason).toBe("not_authentic");

    const service = new ConfigKeyService(kek2026);
    for (const at of [0, 1, 20, wrapped.length - 1]) {
      const changed = Buffer.from(wrapped);
      changed[at] = (changed[at] as number) ^ 0x01;
      expect((await failure(service.unwrap(changed, "kek-2026"))).reason, `byte ${at}`).toBe(
        "not_authentic",
      );
    }
  });

  it("refuses a wrapped key whose kek_id was edited to another configured KEK", async () => {
    // Both KEKs configured, the same bytes under both ids: the KEK id is bound in the wrap.
    const key = randomBytes(32);
    const service = new ConfigKeyService({ id: "a", key }, { id: "b", key });
    const wrapped = await service.wrap(newDataKey());
    expect((await failure(service.unwrap(wrapped, "b"))).reason).toBe("not_authentic");
  });

  it("refuses bad keys and ids when built", () => {
    const build =
      (current: { id: string; key: Buffer }, previous?: { id: string; key: Buffer }) => () =>
        new ConfigKeyService(current, previous);
    expect(build({ id: "k", key: randomBytes(16) })).toThrow(CryptoError);
    expect(build({ id: "k.1", key: randomBytes(32) })).toThrow(CryptoError);
    expect(build(kek2026, { id: "kek-2026", key: randomBytes(32) })).toThrow(/another id/);
  });

  it("refuses to wrap something that is not a 32-byte data key", async () => {
    const service = new ConfigKeyService(kek2026);
    expect((await failure(service.wrap(randomBytes(16)))).reason).toBe("bad_key");
  });

  it("shows no key when the service is printed or serialised", () => {
    const service = new ConfigKeyService(kek2026, kek2027);
    for (const shown of [inspect(service, { depth: 5 }), JSON.stringify(service)]) {
      expect(shown).not.toMatch(/Buffer|data/);
      expect(shown).not.toContain(kek2026.key.toString("hex").slice(0, 8));
      expect(shown).not.toContain(kek2026.key.toString("base64").slice(0, 8));
    }
  });
});
