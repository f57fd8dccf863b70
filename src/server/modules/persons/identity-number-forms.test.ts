import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/**
 * Issue 11, item 3: how registering a person answers each way of writing a number that
 * Skatteverket's rules refuse — 400 with a message on the field, nothing stored — and that
 * the forms the rules allow (twelve digits with "+", coordination numbers) are registered.
 */
describe.each(testDatabaseKinds)("identity numbers at registration (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    const unitId = (await buildUnit(owner, org.id)).id;
    const user = await buildUser(owner, org.id, [{ unitId, role: "caseworker" }]);
    worker = await login(t.app, user.username);
  });
  afterAll(() => t?.close());

  const register = (identityNumber: string, session: Session | null = worker) =>
    t.app.inject({
      method: "POST",
      url: "/api/persons",
      headers: session ? as(session) : {},
      payload: { identityNumber, givenName: "Test", familyName: "Testsson", sex: "female" },
    });

  const personCount = async () =>
    Number(
      (
        await database()
          .owner.selectFrom("person")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("answers 401 without a session", async () => {
    expect((await register("19121212+1212", null)).statusCode).toBe(401);
  });

  it.each([
    [
      "whitespace inside",
      "19121212 1212",
      "Skriv numret utan mellanslag, med - eller + mellan födelsedatumet och de fyra sista siffrorna.",
    ],
    [
      "serial 000",
      "19640823-0008",
      "Födelsenumret 000 delas aldrig ut – kontrollera de fyra sista siffrorna.",
    ],
    [
      "a birth date in the future",
      "20990101-9803",
      "Födelsedatumet i numret ligger i framtiden – kontrollera numret.",
    ],
    [
      "'+' for someone far from 100",
      "20150101+9804",
      "Plustecknet används bara för den som fyller 100 år i år eller är äldre.",
    ],
  ])(
    "refuses %s with a message on the field and stores nothing",
    async (_what, number, message) => {
      const before = await personCount();
      const res = await register(number);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "validation_failed",
        fields: { identityNumber: message },
      });
      expect(await personCount()).toBe(before);
    },
  );

  it("refuses a personnummer typed with a space as a reserve number (it would never link to the person)", async () => {
    const before = await personCount();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/persons",
      headers: as(worker),
      payload: {
        identityNumber: null,
        reserveNumber: "19640823 3234",
        givenName: "Test",
        familyName: "Testsson",
        sex: "female",
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      reserveNumber: "Det här är ett personnummer – skriv det i fältet för personnummer.",
    });
    expect(await personCount()).toBe(before);
  });

  it("registers twelve digits with '+' and a twelve-digit coordination number with '+'", async () => {
    const old = await register("19121212+1212");
    expect(old.statusCode).toBe(201);
    expect(old.json()).toMatchObject({
      identityKind: "personal_identity_number",
      identityNumber: "19121212-1212",
    });
    const coordination = await register("19201063+2384");
    expect(coordination.statusCode).toBe(201);
    expect(coordination.json()).toMatchObject({
      identityKind: "coordination_number",
      identityNumber: "19201063-2384",
    });
  });
});
