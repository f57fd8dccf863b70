import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  fictionalIdentityNumber,
  login,
  type Session,
} from "../../testing/factories.ts";

const header = "name,username,email,roles,unit,hsa_id,personal_identity_number";

describe.each(testDatabaseKinds)("importing accounts from a CSV file (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let admin: Session;
  let analyst: Session;
  let orgId: string;
  let unitName: string;
  const tag = `imp${Date.now().toString(36)}`;
  const pin = fictionalIdentityNumber();

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitName = (await buildUnit(owner, orgId)).name;
    admin = await login(
      t.app,
      (await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }])).username,
    );
    analyst = await login(
      t.app,
      (await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }])).username,
    );
  });
  afterAll(() => t?.close());

  const send = (s: Session | null, body: string | Uint8Array, mode = "dry-run") =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/users/import?mode=${mode}`,
      headers: { ...(s ? as(s) : {}), "content-type": "text/csv" },
      payload: typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body),
    });
  const file = (...rows: string[]) => [header, ...rows].join("\r\n");
  const good = () =>
    file(
      `Åsa Öberg,${tag}.asa,Asa.Oberg@Kommun.example,caseworker|therapist,${unitName},se2321000016-${tag}a,${pin}`,
      `"Berg, Bo",${tag}.bo,,analyst,,SE2321000016-${tag}B,`,
    );
  const accounts = () =>
    database()
      .owner.selectFrom("app_user")
      .select(["id", "username", "display_name", "password_hash"])
      .where("org_id", "=", orgId)
      .where("username", "like", `${tag}%`)
      .orderBy("username")
      .execute();
  const importEvents = () =>
    database()
      .owner.selectFrom("audit_event")
      .select(["data", "resource_id"])
      .where("org_id", "=", orgId)
      .where("action", "=", "admin.user.import")
      .execute();

  it("is for administrators: 401 without a login, 403 audited for others", async () => {
    expect((await send(null, good())).statusCode).toBe(401);
    const before = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("org_id", "=", orgId)
      .where("action", "=", "admin.denied")
      .execute();
    expect((await send(analyst, good())).statusCode).toBe(403);
    const after = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("org_id", "=", orgId)
      .where("action", "=", "admin.denied")
      .execute();
    expect(after.length).toBe(before.length + 1);
  });

  it("refuses a file with a bad header, encoding or size with a 400 that says so", async () => {
    const wrongHeader = await send(admin, "namn,användarnamn\nA,b");
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.json().error.message).toContain(`rubrikraden ${header}`);
    const latin1 = Buffer.from(`${header}\nK\xe5re,kare,,,,,\n`, "latin1");
    const encoding = await send(admin, latin1);
    expect(encoding.statusCode).toBe(400);
    expect(encoding.json().error.message).toContain("UTF-8");
    const many = Array.from({ length: 5001 }, (_, i) => `N ${i},${tag}.m${i},,,,,`);
    const tooMany = await send(admin, file(...many));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain("högst 5");
    expect((await send(admin, "")).json().error.message).toContain("tom");
    const quote = await send(admin, file(`"Ann,${tag}.q,,,,,`));
    expect(quote.statusCode).toBe(400);
    expect(quote.json().error.message).toContain("citattecknen");
    const mode = await send(admin, good(), "kanske");
    expect(mode.statusCode).toBe(400);
    expect(await accounts()).toEqual([]);
  });

  it("answers each row in a dry run, with row errors in Swedish, and writes nothing", async () => {
    const res = await send(
      admin,
      file(
        `Åsa Öberg,${tag}.asa,Asa.Oberg@Kommun.example,caseworker|therapist,${unitName},se2321000016-${tag}a,${pin}`,
        `X,${tag}.bad,not-an-address,boss,Ingen enhet,,19700101-0000`,
        `Utan Id,${tag}.noid,,caseworker,${unitName},,`,
        `Samma Igen,${tag}.asa,,,,SE2321000016-${tag}A,`,
        `Kort,${tag}.short`,
      ),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.applied).toBe(false);
    expect(body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 4 });
    expect(body.rows[0]).toEqual({
      line: 2,
      username: `${tag}.asa`,
      name: "Åsa Öberg",
      outcome: "create",
      changes: ["name", "roles", "hsa_id", "email", "personal_identity_number"],
      errors: [],
    });
    const bad = body.rows[1].errors.join(" ");
    expect(bad).toContain("Namnet ska ha 2–100 tecken.");
    expect(bad).toContain("E-postadressen: Skriv en e-postadress");
    expect(bad).toContain("Rollen ”boss” finns inte.");
    expect(bad).toContain("Enheten ”Ingen enhet” finns inte");
    expect(bad).toContain("Personnumret:");
    expect(body.rows[2].errors.join(" ")).toContain("ange minst en identifierare");
    // A second row of one username may add roles in another unit, but says the same name.
    expect(body.rows[3].errors).toEqual([
      "Namnet skiljer sig från namnet för samma användarnamn på rad 2.",
    ]);
    expect(body.rows[4]).toMatchObject({ line: 6, outcome: "error" });
    expect(body.rows[4].errors[0]).toBe("Raden har 2 fält; rubrikraden har 7.");
    expect(JSON.stringify(body)).not.toContain(pin);
    expect(await accounts()).toEqual([]);
  });

  it("applies all rows or none: one wrong row, nothing written", async () => {
    const res = await send(admin, file(good().split("\r\n")[1] as string, "X,y,,,,,"), "apply");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("inget importerades");
    expect(res.json().error.fields["line.3"]).toContain("Namnet ska ha 2–100 tecken.");
    expect(await accounts()).toEqual([]);
    expect(await importEvents()).toEqual([]);
  });

  it("applies a file in one go: accounts without a password, roles, identifiers, audited", async () => {
    const res = await send(admin, good(), "apply");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, counts: { create: 2, error: 0 } });
    const made = await accounts();
    expect(made.map((a) => [a.username, a.display_name, a.password_hash])).toEqual([
      [`${tag}.asa`, "Åsa Öberg", null],
      [`${tag}.bo`, "Berg, Bo", null],
    ]);
    const identifiers = await database()
      .owner.selectFrom("account_identifier")
      .select(["kind", "value"])
      .where("user_id", "=", made[0]?.id as string)
      .orderBy("kind")
      .execute();
    expect(identifiers.map((i) => i.kind)).toEqual(["email", "hsa_id", "personal_identity_number"]);
    expect(identifiers[0]?.value).toBe("asa.oberg@kommun.example");
    expect(identifiers[2]?.value).toMatch(/^hmac:[0-9a-f]{64}$/);
    const roles = await database()
      .owner.selectFrom("role_assignment")
      .select("role")
      .where("user_id", "=", made[0]?.id as string)
      .orderBy("role")
      .execute();
    expect(roles.map((r) => r.role)).toEqual(["caseworker", "therapist"]);

    const events = await importEvents();
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.resource_id).sort()).toEqual(made.map((a) => a.id).sort());
    expect(JSON.stringify(events)).not.toContain(pin);
    expect(JSON.stringify(events)).not.toContain(pin.slice(2));
  });

  it("is idempotent: the same file again changes nothing; a changed row is an update", async () => {
    const again = await send(admin, good(), "apply");
    expect(again.json()).toMatchObject({ applied: true, counts: { unchanged: 2, create: 0 } });
    expect(await importEvents()).toHaveLength(2);

    const changed = file(`Åsa Öberg Lind,${tag}.asa,,unit_manager,${unitName},,`);
    const dry = await send(admin, changed);
    expect(dry.json().rows[0]).toMatchObject({ outcome: "update", changes: ["name", "roles"] });
    expect((await send(admin, changed, "apply")).statusCode).toBe(200);
    const events = await importEvents();
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.data)).toContainEqual({
      outcome: "update",
      changes: ["name", "roles"],
    });
    // The import adds: the roles and identifiers the file does not name stay.
    const [asa] = await accounts();
    const roles = await database()
      .owner.selectFrom("role_assignment")
      .select("role")
      .where("user_id", "=", asa?.id as string)
      .execute();
    expect(roles.map((r) => r.role).sort()).toEqual(["caseworker", "therapist", "unit_manager"]);
  });

  it("refuses an identifier another account has, and a username of another organisation", async () => {
    const { owner } = database();
    const stranger = await buildUser(owner, (await buildOrg(owner)).id);
    const res = await send(
      admin,
      file(
        `Ny Person,${tag}.ny,,,,SE2321000016-${tag}B,`,
        `Främling,${stranger.username},,,,SE2321000016-${tag}C,`,
      ),
    );
    expect(res.json().rows.map((r: { errors: string[] }) => r.errors)).toEqual([
      ["HSA-id:t hör redan till ett annat konto i organisationen."],
      ["Användarnamnet är upptaget."],
    ]);
  });

  it("reads a semicolon-separated file with a byte order mark (Swedish Excel)", async () => {
    const text = `\uFEFF${header.replaceAll(",", ";")}\nSemi Kolon;${tag}.semi;;;;SE2321000016-${tag}S;\n`;
    const res = await send(admin, text);
    expect(res.json().rows[0]).toMatchObject({ outcome: "create", name: "Semi Kolon" });
  });
});
