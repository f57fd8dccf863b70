import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withActor } from "../access/transaction.ts";
import { ConfigKeyService } from "../crypto/key-service.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildOrg, buildUser } from "../testing/factories.ts";
import { loadKeyring } from "./data-keys.ts";

/**
 * The organisations' data keys (issue 19, item 4): made once per organisation at start,
 * stored only wrapped under the key-encryption key, never readable by the application's role.
 */
describe.each(testDatabaseKinds)("the data keys (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const kek = { id: "kek-test", key: randomBytes(32) };

  it("gives each organisation one active key, once, and opens only its own values", async () => {
    const { owner } = database();
    const { id: a } = await buildOrg(owner);
    const { id: b } = await buildOrg(owner);
    const keys = new ConfigKeyService(kek);
    const keyring = await loadKeyring(owner, keys);
    const count = async () =>
      (await owner.selectFrom("data_key").select("org_id").where("state", "=", "active").execute())
        .map((r) => r.org_id)
        .filter((id) => id === a || id === b)
        .sort();
    expect(await count()).toEqual([a, b].sort());
    await loadKeyring(owner, keys);
    expect(await count()).toEqual([a, b].sort());

    const sealed = keyring.seal(a, "person.phone", "070-123 45 67", "row-1") as string;
    expect(sealed).not.toContain("123 45");
    expect(keyring.open(a, "person.phone", sealed, "row-1")).toBe("070-123 45 67");
    expect(() => keyring.open(b, "person.phone", sealed, "row-1")).toThrow();
    expect(() => keyring.open(a, "person.email", sealed, "row-1")).toThrow();
  });

  it("does not load under another key-encryption key", async () => {
    const { owner } = database();
    await buildOrg(owner);
    await loadKeyring(owner, new ConfigKeyService(kek));
    const other = new ConfigKeyService({ id: "kek-test", key: randomBytes(32) });
    await expect(loadKeyring(owner, other)).rejects.toThrow();
  });

  it("is not readable by the application's role", async () => {
    const { owner, db } = database();
    const { id: orgId } = await buildOrg(owner);
    const user = await buildUser(owner, orgId, []);
    await expect(
      withActor(db, { userId: user.id, orgId }, (trx) =>
        trx.selectFrom("data_key").select("wrapped").execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
