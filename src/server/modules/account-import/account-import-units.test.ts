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
import { race } from "../../testing/race.ts";

const header = "name,username,email,roles,unit,hsa_id,personal_identity_number";

/*
 * Issue 21 item 3: a person with roles in two units is two rows of one username — each adds
 * its roles in its unit to one account; the rows must agree on the name and identifiers.
 * Two applies at once (PostgreSQL: really side by side) never give a 500.
 */
describe.each(testDatabaseKinds)("importing a person with roles in two units (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  let north: { id: string; name: string };
  let south: { id: string; name: string };
  const tag = `imu${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    north = await buildUnit(owner, orgId);
    south = await buildUnit(owner, orgId, "child_services");
    const user = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    admin = await login(t.app, user.username);
  });
  afterAll(() => t?.close());

  const send = (body: string, mode = "dry-run") =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/users/import?mode=${mode}`,
      headers: { ...as(admin), "content-type": "text/csv" },
      payload: Buffer.from(body, "utf8"),
    });
  const file = (...rows: string[]) => [header, ...rows].join("\r\n");
  const eva = (unit: string, roles: string, extra = `,SE2321000016-${tag}E,`) =>
    `Eva Ström,${tag}.eva,eva@kommun.example,${roles},${unit}${extra}`;
  const twoUnits = () =>
    file(eva(north.name, "caseworker"), eva(south.name, "caseworker|unit_manager", ",,"));
  const listed = async (username: string) => {
    const users = (
      await t.app.inject({ method: "GET", url: "/api/admin/users", headers: as(admin) })
    ).json().users as { username: string; roles: { role: string; unitName: string | null }[] }[];
    return users.find((u) => u.username === username);
  };
  const importEvents = () =>
    database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("org_id", "=", orgId)
      .where("action", "=", "admin.user.import")
      .execute();

  it("answers a dry run per row: the first creates the account, the second adds its unit's roles", async () => {
    const res = await send(twoUnits());
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 0 });
    expect(
      res.json().rows.map((r: { outcome: string; changes: string[] }) => [r.outcome, r.changes]),
    ).toEqual([
      ["create", ["name", "roles", "hsa_id", "email"]],
      ["update", ["roles"]],
    ]);
    expect(await listed(`${tag}.eva`)).toBeUndefined();
  });

  it("refuses rows of one username that differ in name or identifiers, in Swedish", async () => {
    const res = await send(
      file(
        eva(north.name, "caseworker"),
        `Eva Lind,${tag}.eva,annan@kommun.example,caseworker,${south.name},SE2321000016-${tag}X,`,
      ),
    );
    expect(res.json().rows[1]).toMatchObject({ outcome: "error" });
    expect(res.json().rows[1].errors).toEqual([
      "Namnet skiljer sig från namnet för samma användarnamn på rad 2.",
      "HSA-id:t skiljer sig från det för samma användarnamn på rad 2.",
      "E-postadressen skiljer sig från det för samma användarnamn på rad 2.",
    ]);
    // Another username with the same identifier is still another person's.
    const other = await send(
      file(eva(north.name, "caseworker"), `Ola Ek,${tag}.ola,,analyst,,SE2321000016-${tag}E,`),
    );
    expect(other.json().rows[1].errors).toEqual(["HSA-id:t finns redan på rad 2."]);
    // A first row with errors: its username's other rows wait for it.
    const broken = await send(
      file(eva("Ingen enhet", "caseworker"), eva(south.name, "caseworker")),
    );
    expect(broken.json().rows[1].errors).toEqual([
      "Raden för samma användarnamn på rad 2 har fel; rätta den först.",
    ]);
  });

  it("applies both rows to one account, the user page shows both units, and again changes nothing", async () => {
    const res = await send(twoUnits(), "apply");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, counts: { create: 1, update: 1, error: 0 } });
    const user = await listed(`${tag}.eva`);
    expect(user?.roles.map((r) => [r.role, r.unitName]).sort()).toEqual(
      [
        ["caseworker", north.name],
        ["caseworker", south.name],
        ["unit_manager", south.name],
      ].sort(),
    );
    // One account, one audit event naming all it got.
    expect((await importEvents()).map((e) => e.data)).toEqual([
      { outcome: "create", changes: ["name", "roles", "hsa_id", "email"] },
    ]);
    const again = await send(twoUnits(), "apply");
    expect(again.json()).toMatchObject({
      applied: true,
      counts: { unchanged: 2, create: 0, update: 0 },
    });
    expect(await importEvents()).toHaveLength(1);
  });

  it("two applies of one file at once: one writes it, the other finds it done; never a 500", async () => {
    const body = file(
      `Per Holm,${tag}.per,,caseworker,${north.name},SE2321000016-${tag}P,`,
      `Per Holm,${tag}.per,,therapist,${south.name},,`,
    );
    const both = await race(2, () => send(body, "apply"));
    expect(both.counts).toEqual({ 200: 2 });
    const outcomes = both.responses.map((r) => r.json().counts).sort((a, b) => b.create - a.create);
    expect(outcomes).toEqual([
      { create: 1, update: 1, unchanged: 0, error: 0 },
      { create: 0, update: 0, unchanged: 2, error: 0 },
    ]);
    const per = await listed(`${tag}.per`);
    expect(per?.roles.map((r) => r.role).sort()).toEqual(["caseworker", "therapist"]);
  });

  it("an account made on the users' page at the same moment: never a 500, nothing half-kept", async () => {
    const body = file(`Kim Berg,${tag}.kim,,analyst,,SE2321000016-${tag}K,`);
    // The users' page takes no import's turn: its insert may land between the plan and the
    // write (then the import's Swedish 409), before the plan (the import updates it) or after
    // the import (the page's own 400).
    const both = await race(2, (i) =>
      i === 0
        ? send(body, "apply")
        : t.app.inject({
            method: "POST",
            url: "/api/admin/users",
            headers: as(admin),
            payload: {
              username: `${tag}.kim`,
              displayName: "Kim Berg",
              password: "ett långt lösenord 1",
            },
          }),
    );
    const [imported, created] = both.responses;
    expect([200, 409]).toContain(imported?.statusCode);
    expect([201, 400]).toContain(created?.statusCode);
    if (imported?.statusCode === 409)
      expect(imported.json().error.message).toContain("Gör en ny provkörning");
    // One account either way; it holds the file's identifier and role exactly when the import
    // was applied (it made the account, or updated the page's), and none of them after a 409.
    expect([imported?.statusCode, created?.statusCode]).not.toEqual([409, 400]);
    const { owner } = database();
    const kim = await owner
      .selectFrom("app_user as u")
      .select((eb) => [
        eb
          .selectFrom("account_identifier as i")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("i.user_id", "=", "u.id")
          .as("identifiers"),
        eb
          .selectFrom("role_assignment as r")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("r.user_id", "=", "u.id")
          .as("roles"),
      ])
      .where("u.username", "=", `${tag}.kim`)
      .executeTakeFirstOrThrow();
    const applied = imported?.statusCode === 200 ? 1 : 0;
    expect([Number(kim.identifiers), Number(kim.roles)]).toEqual([applied, applied]);
  });
});
