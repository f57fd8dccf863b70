import { describe, expect, it, vi } from "vitest";
import { developmentKek } from "../crypto/key-service.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildOrg } from "../testing/factories.ts";
import { FieldCipher } from "./field-cipher.ts";
import { rotateKeys } from "./key-rotation.ts";

/**
 * The handle's cipher (issue 19, item 4): an organisation made after the keyring loaded gets
 * its key on its first seal, once, however many seals race for it — also from two handles
 * (two servers) on one database.
 */
describe.each(testDatabaseKinds)("the database's field cipher (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("seals for an organisation made after the load, with one key however many seal at once", async () => {
    const { owner, cipher } = database();
    await cipher.keyring();
    const { id: orgId } = await buildOrg(owner);
    const other = new FieldCipher(owner, cipher.keyService);
    const sealed = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? other : cipher).seal(orgId, "person.phone", `070-00${i}`, "row-1"),
      ),
    );
    const keys = await owner
      .selectFrom("data_key")
      .select("id")
      .where("org_id", "=", orgId)
      .execute();
    expect(keys).toHaveLength(1);
    for (const [i, value] of sealed.entries()) {
      expect(value).toMatch(new RegExp(`^f1\\.${keys[0]?.id}\\.`));
      expect(await cipher.open(orgId, "person.phone", value, "row-1")).toBe(`070-00${i}`);
      expect(await other.open(orgId, "person.phone", value, "row-1")).toBe(`070-00${i}`);
    }
  });

  it("keeps null as null and says the development key is public", async () => {
    const { owner, cipher } = database();
    const { id: orgId } = await buildOrg(owner);
    expect(await cipher.seal(orgId, "person.email", null, "row-1")).toBeNull();
    expect(await cipher.open(orgId, "person.email", null, "row-1")).toBeNull();
    expect(cipher.keyService.kekId).toBe(developmentKek.id);
  });

  it("seals with another process's new key once its timer has read the keys again", async () => {
    const { owner, cipher } = database();
    const { id: orgId } = await buildOrg(owner);
    const server = new FieldCipher(owner, cipher.keyService, { refreshEveryMs: 50 });
    try {
      const before = await server.seal(orgId, "person.phone", "070-1", "row-1");
      const oldKey = before?.split(".")[1];
      // keys:rotate in another process: a new active key, the old one decrypt_only.
      const rotator = new FieldCipher(owner, cipher.keyService);
      await rotateKeys({ owner, cipher: rotator }, { newDataKeys: true });
      await vi.waitFor(
        async () => {
          const fresh = await server.seal(orgId, "person.phone", "070-3", "row-1");
          expect(fresh?.split(".")[1]).not.toBe(oldKey);
          expect(await rotator.open(orgId, "person.phone", fresh, "row-1")).toBe("070-3");
        },
        { timeout: 20_000, interval: 100 },
      );
    } finally {
      server.close();
    }
  });
});
