import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigKeyService, developmentKek } from "../crypto/key-service.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildCase, buildPerson, buildWorkedCase } from "../testing/factories.ts";
import { FieldCipher } from "./field-cipher.ts";
import { rotateKeys, sealPlaintext } from "./key-rotation.ts";
import { seedDemo } from "./seed/demo.ts";

/**
 * Issue 19 item 4: `keys:rotate` re-wraps the data keys under a new KEK and seals every
 * contact detail again under a new data key while Frid goes on reading and writing them —
 * no read fails, no acknowledged write is lost, and the old key is retired only when
 * nothing is left under it.
 */
type Worked = Awaited<ReturnType<typeof buildWorkedCase>>;

/** Lets timers and I/O run between requests: a loop of quick answers must not starve them. */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

const read = (t: TestApp, w: Worked, personId: string) =>
  t.app.inject({ method: "GET", url: `/api/persons/${personId}`, headers: as(w.session) });

const storedPhone = async (t: TestApp, personId: string) =>
  (
    await t.database.owner
      .selectFrom("person")
      .select("phone")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow()
  ).phone;

const keysOf = (t: TestApp, orgId: string) =>
  t.database.owner
    .selectFrom("data_key")
    .select(["id", "state", "kek_id", "wrapped"])
    .where("org_id", "=", orgId)
    .orderBy("created_at")
    .execute();

describe.each(testDatabaseKinds)("key rotation while Frid runs (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Worked;
  /** Persons of her case load: one written through Frid, the rest stored before 0077. */
  const persons: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/persons/${w.personId}`,
      headers: as(w.session),
      payload: { phone: "070-000 00 00", postalAddress: "Rotgatan 1" },
    });
    expect(patch.statusCode).toBe(200);
    persons.push(w.personId);
    for (let i = 1; i <= 6; i++) {
      const p = await buildPerson(database().owner, w.orgId, w.userId);
      await buildCase(database().owner, {
        orgId: w.orgId,
        unitId: w.unitId,
        personId: p.id,
        openedBy: w.userId,
      });
      // Plaintext as a row from before encryption: the rotation must seal it too.
      await database()
        .owner.updateTable("person")
        .set({ phone: `070-000 00 0${i}` })
        .where("id", "=", p.id)
        .execute();
      persons.push(p.id);
    }
  });
  afterAll(() => t?.close());

  it("re-seals everything under a new data key with no failed read and no lost write", async () => {
    const [before] = await keysOf(t, w.orgId);
    let rotating = true;
    const failures: string[] = [];
    let reads = 0;
    const reader = async () => {
      for (let i = 0; rotating; i++) {
        const id = persons[i % persons.length] as string;
        await breathe();
        const res = await read(t, w, id);
        reads++;
        const phone = res.json()?.details?.phone;
        if (res.statusCode !== 200 || typeof phone !== "string" || !phone.startsWith("070-")) {
          failures.push(`${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    };
    let written = "070-000 00 00";
    const writer = async () => {
      for (let i = 0; rotating; i++) {
        await breathe();
        const phone = `070-111 11 ${String(i % 100).padStart(2, "0")}`;
        const res = await t.app.inject({
          method: "PATCH",
          url: `/api/persons/${w.personId}`,
          headers: as(w.session),
          payload: { phone },
        });
        if (res.statusCode === 200) written = phone;
        else failures.push(`write ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    };
    const load = [reader(), reader(), writer()];
    const report = await rotateKeys(database(), {
      newDataKeys: true,
      batchSize: 1,
      pauseMs: 25,
    }).finally(() => {
      rotating = false;
    });
    await Promise.all(load);

    expect(failures).toEqual([]);
    // Each batch pauses, so reads and writes run between the rotation's batches.
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(report.newKeys).toBeGreaterThanOrEqual(1);
    expect(report.remaining).toBe(0);
    expect(report.resealed["person.phone"]).toBeGreaterThanOrEqual(6);

    const keys = await keysOf(t, w.orgId);
    const active = keys.filter((k) => k.state === "active");
    expect(active).toHaveLength(1);
    expect(active[0]?.id).not.toBe(before?.id);
    const old = keys.find((k) => k.id === before?.id);
    expect(old?.state).toBe("retired");
    expect(Buffer.from(old?.wrapped ?? []).length).toBe(0);
    for (const id of persons) {
      expect(await storedPhone(t, id)).toMatch(new RegExp(`^f1\\.${active[0]?.id}\\.`));
    }
    expect((await read(t, w, w.personId)).json().details.phone).toBe(written);
    expect((await read(t, w, persons[3] as string)).json().details.phone).toBe("070-000 00 03");
  });

  it("re-wraps the data keys under a new KEK; the old KEK is then needed no more", async () => {
    const newKek = { id: "kek-rotated", key: Buffer.alloc(32, 7) };
    const rotating = new FieldCipher(
      database().owner,
      new ConfigKeyService(newKek, developmentKek),
    );
    const report = await rotateKeys(
      { owner: database().owner, cipher: rotating },
      { newDataKeys: false },
    );
    expect(report.rewrapped).toBeGreaterThanOrEqual(1);
    const live = (await keysOf(t, w.orgId)).filter((k) => k.state !== "retired");
    for (const key of live) expect(key.kek_id).toBe("kek-rotated");
    // A server started with only the new KEK opens what the old one sealed.
    const fresh = new FieldCipher(database().owner, new ConfigKeyService(newKek));
    const stored = await storedPhone(t, persons[2] as string);
    expect(await fresh.open(w.orgId, "person.phone", stored, persons[2] as string)).toBe(
      "070-000 00 02",
    );
    // And the server that ran all along, with the data keys in memory, goes on reading.
    expect((await read(t, w, persons[2] as string)).statusCode).toBe(200);
  });

  it("stops with a message naming the KEK when a data key is under one it was not given", async () => {
    const stranger = new FieldCipher(
      database().owner,
      new ConfigKeyService({ id: "kek-other", key: Buffer.alloc(32, 9) }),
    );
    await expect(
      rotateKeys({ owner: database().owner, cipher: stranger }, { newDataKeys: false }),
    ).rejects.toThrow(/FRID_KEK_PREVIOUS/);
  });
});

describe.each(testDatabaseKinds)("contact details the demo seed wrote plainly (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("are sealed by start-up's one pass, and a second start does not scan again", async () => {
    const { owner } = database();
    expect(await seedDemo(owner)).toBe(true);
    const plain = () =>
      Promise.all([
        owner
          .selectFrom("person")
          .select("safe_contact as v")
          .where("safe_contact", "is not", null)
          .execute(),
        owner.selectFrom("place_address").select("street as v").execute(),
        owner.selectFrom("stay_member").select("school_name as v").execute(),
      ]).then((lists) => lists.flat().filter((r) => r.v !== null && !r.v.startsWith("f1.")));
    expect((await plain()).length).toBeGreaterThan(3);

    expect(await sealPlaintext(database())).toBeGreaterThan(3);
    expect(await plain()).toEqual([]);
    expect(await sealPlaintext(database())).toBeNull();
    const street = await owner
      .selectFrom("place_address")
      .select(["place_id", "org_id", "street"])
      .executeTakeFirstOrThrow();
    expect(
      await database().cipher.open(
        street.org_id,
        "place_address.street",
        street.street,
        street.place_id,
      ),
    ).toMatch(/\d/);
  });
});
