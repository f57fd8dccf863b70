import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CryptoError, keyIdOf, sealWith } from "./envelope.ts";
import { ConfigKeyService, type KeyService } from "./key-service.ts";
import { type DataKeyRow, Keyring, mintDataKey } from "./keyring.ts";

const service = new ConfigKeyService({ id: "kek-1", key: randomBytes(32) });
const orgA = "0b7e4f6a-0000-4000-8000-00000000000a";
const orgB = "0b7e4f6a-0000-4000-8000-00000000000b";

/** A KeyService that counts unwraps, to show keys are unwrapped once and kept. */
function counting(inner: KeyService) {
  const counter = { unwraps: 0 };
  const wrapped: KeyService = {
    kekId: inner.kekId,
    wrap: (dek) => inner.wrap(dek),
    unwrap: (w, kekId) => {
      counter.unwraps++;
      return inner.unwrap(w, kekId);
    },
  };
  return { service: wrapped, counter };
}

function failure(attempt: () => unknown): CryptoError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return error as CryptoError;
  }
  throw new Error("expected a CryptoError");
}

describe("Keyring", () => {
  it("opens values under the active and the decrypt-only key, and seals with the active", async () => {
    const old = await mintDataKey(service, orgA, "decrypt_only");
    const rows: DataKeyRow[] = [old];
    const keyring = await Keyring.load(service, async () => rows);
    expect(keyring.activeKeyId(orgA)).toBeNull();
    // Sealed before the rotation, when the old key was active.
    const before = (await Keyring.load(service, async () => [{ ...old, state: "active" }])).seal(
      orgA,
      "person.phone",
      "+46701234567",
      "row-1",
    ) as string;

    const current = await mintDataKey(service, orgA);
    rows.push(current);
    await keyring.refresh();
    expect(keyring.activeKeyId(orgA)).toBe(current.id);

    const after = keyring.seal(orgA, "person.phone", "+46709876543", "row-1") as string;
    expect(keyIdOf(before)).toBe(old.id);
    expect(keyIdOf(after)).toBe(current.id);
    expect(keyring.open(orgA, "person.phone", before, "row-1")).toBe("+46701234567");
    expect(keyring.open(orgA, "person.phone", after, "row-1")).toBe("+46709876543");
  });

  it("keeps each organisation's values to its own key and field", async () => {
    const keys = [await mintDataKey(service, orgA), await mintDataKey(service, orgB)];
    const keyring = await Keyring.load(service, async () => keys);
    const sealed = keyring.seal(orgA, "person.postal_address", "Hemligvägen 17", "row-1") as string;
    expect(keyring.open(orgA, "person.postal_address", sealed, "row-1")).toBe("Hemligvägen 17");
    expect(failure(() => keyring.open(orgB, "person.postal_address", sealed, "row-1")).reason).toBe(
      "not_authentic",
    );
    expect(failure(() => keyring.open(orgA, "person.email", sealed, "row-1")).reason).toBe(
      "not_authentic",
    );
    // Copied onto another row of the same column and organisation: still does not open.
    expect(failure(() => keyring.open(orgA, "person.postal_address", sealed, "row-2")).reason).toBe(
      "not_authentic",
    );
    const ofB = keyring.seal(orgB, "person.postal_address", "Hemligvägen 17", "row-1") as string;
    expect(keyIdOf(ofB)).toBe(keys[1]?.id);
  });

  it("passes null and legacy plaintext through", async () => {
    const keyring = await Keyring.load(service, async () => [await mintDataKey(service, orgA)]);
    expect(keyring.seal(orgA, "person.phone", null, "row-1")).toBeNull();
    expect(keyring.open(orgA, "person.phone", null, "row-1")).toBeNull();
    expect(keyring.open(orgA, "person.phone", "0701-23 45 67", "row-1")).toBe("0701-23 45 67");
    expect(
      failure(() => keyring.open(orgA, "person.phone", "0701", "row-1", { legacy: "refuse" }))
        .reason,
    ).toBe("plaintext_refused");
  });

  it("refuses to seal for an organisation without an active key", async () => {
    const keyring = await Keyring.load(service, async () => [
      await mintDataKey(service, orgA, "decrypt_only"),
    ]);
    expect(failure(() => keyring.seal(orgA, "person.phone", "x", "row-1")).reason).toBe(
      "no_active_key",
    );
    expect(failure(() => keyring.seal(orgB, "person.phone", "x", "row-1")).reason).toBe(
      "no_active_key",
    );
  });

  it("refuses a value under a retired or unknown key", async () => {
    const retired = await mintDataKey(service, orgA);
    const sealed = (await Keyring.load(service, async () => [retired])).seal(
      orgA,
      "person.phone",
      "+46701234567",
      "row-1",
    );
    const keyring = await Keyring.load(service, async () => [{ ...retired, state: "retired" }]);
    const error = failure(() => keyring.open(orgA, "person.phone", sealed, "row-1"));
    expect(error.reason).toBe("unknown_key");
    expect(error.message).toContain("retired");

    const stranger = sealWith(randomBytes(32), "no-such-key", "x", `person.phone:${orgA}`);
    expect(failure(() => keyring.open(orgA, "person.phone", stranger, "row-1")).reason).toBe(
      "unknown_key",
    );
  });

  it("refuses two active keys for one organisation", async () => {
    const rows = [await mintDataKey(service, orgA), await mintDataKey(service, orgA)];
    await expect(Keyring.load(service, async () => rows)).rejects.toThrow(/two active data keys/);
  });

  it("refuses a field name that is not table.column, and a row key that is not a key", async () => {
    const keyring = await Keyring.load(service, async () => [await mintDataKey(service, orgA)]);
    expect(failure(() => keyring.seal(orgA, "phone", "x", "row-1")).reason).toBe("malformed");
    expect(failure(() => keyring.seal(orgA, "person.phone:other", "x", "row-1")).reason).toBe(
      "malformed",
    );
    expect(failure(() => keyring.seal(orgA, "person.phone", "x", "")).reason).toBe("malformed");
    expect(failure(() => keyring.seal(orgA, "person.phone", "x", "a:b")).reason).toBe("malformed");
  });

  it("unwraps each key once; a refresh unwraps only new keys", async () => {
    const { service: watched, counter } = counting(service);
    const rows = [await mintDataKey(service, orgA), await mintDataKey(service, orgB)];
    const keyring = await Keyring.load(watched, async () => rows);
    expect(counter.unwraps).toBe(2);
    for (let i = 0; i < 3; i++) {
      keyring.open(orgA, "person.phone", keyring.seal(orgA, "person.phone", "x", "row-1"), "row-1");
    }
    expect(counter.unwraps).toBe(2);
    rows[0] = { ...(rows[0] as DataKeyRow), state: "decrypt_only" };
    rows.push(await mintDataKey(service, orgA));
    await keyring.refresh();
    expect(counter.unwraps).toBe(3);
  });

  it("opens a value under a key made elsewhere after reading the rows again (openFresh)", async () => {
    const rows = [await mintDataKey(service, orgA)];
    const keyring = await Keyring.load(service, async () => rows);
    // Another process (keys:rotate) makes a new active key and seals with it.
    const newer = await mintDataKey(service, orgA);
    const elsewhere = await Keyring.load(service, async () => [newer]);
    const sealed = elsewhere.seal(orgA, "person.email", "sara@exempel.se", "row-1");
    expect(failure(() => keyring.open(orgA, "person.email", sealed, "row-1")).reason).toBe(
      "unknown_key",
    );
    rows[0] = { ...(rows[0] as DataKeyRow), state: "decrypt_only" };
    rows.push(newer);
    expect(await keyring.openFresh(orgA, "person.email", sealed, "row-1")).toBe("sara@exempel.se");
    expect(keyring.activeKeyId(orgA)).toBe(newer.id);
  });

  it("keeps its keys when a refresh fails", async () => {
    let rows = [await mintDataKey(service, orgA)];
    const keyring = await Keyring.load(service, async () => rows);
    const sealed = keyring.seal(orgA, "person.phone", "x", "row-1");
    const foreign = new ConfigKeyService({ id: "kek-other", key: randomBytes(32) });
    rows = [...rows, await mintDataKey(foreign, orgB)];
    await expect(keyring.refresh()).rejects.toThrow(/kek-other/);
    expect(keyring.open(orgA, "person.phone", sealed, "row-1")).toBe("x");
  });
});
