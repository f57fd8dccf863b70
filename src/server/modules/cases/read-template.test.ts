import { describe, expect, it } from "vitest";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { SessionProof } from "../../auth/sessions.ts";
import { StatementTemplates } from "../../db/statement-template.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { builtCaseReadStatement, caseReadStatement } from "./read.ts";

/**
 * The audited case read is built by Kysely once per shape of the actor's roles and then
 * filled with each request's values (db/statement-template.ts). Whatever the actor, the
 * request and the session, the filled template must be exactly the statement Kysely builds.
 */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const actor = (n: number, roles: [Actor["roles"][number]["role"], number | null][]): Actor => ({
  userId: uuid(n),
  orgId: uuid(n + 1),
  username: `user${n}`,
  displayName: `Användare ${n}`,
  roles: roles.map(([role, unit], i) => ({
    id: uuid(n + 10 + i),
    role,
    unitId: unit === null ? null : uuid(unit),
    unitName: unit === null ? null : `Enhet ${unit}`,
  })),
});
const proof = (n: number): SessionProof => ({
  idHash: `hash${n}`,
  rolesKey: `roles${n}`,
  at: new Date(1_700_000_000_000 + n),
  idleSince: new Date(1_699_000_000_000 + n),
});

describe.each(testDatabaseKinds)("the case read's statement template (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("equals the statement Kysely builds, for every actor, request and session", () => {
    const trx = database().db as unknown as Trx;
    const cases: [Actor, RequestMeta, string, SessionProof | null][] = [
      [
        actor(100, [["caseworker", 1]]),
        { requestId: "r1", clientAddress: "127.0.0.1" },
        uuid(7),
        proof(1),
      ],
      // Same shape, every value different: must not get the first one's values.
      [
        actor(200, [["caseworker", 2]]),
        { requestId: "r2", clientAddress: "::1" },
        uuid(8),
        proof(2),
      ],
      [actor(300, [["caseworker", 3]]), { requestId: "r3", clientAddress: null }, uuid(9), null],
      // The same values' names, another role: another statement.
      [
        actor(800, [["unit_manager", 8]]),
        { requestId: "r8", clientAddress: "127.0.0.1" },
        uuid(7),
        proof(8),
      ],
      // Two roles in one unit, and in two units: different statements.
      [
        actor(400, [
          ["caseworker", 4],
          ["unit_manager", 4],
        ]),
        { requestId: "r4", clientAddress: null },
        uuid(9),
        proof(4),
      ],
      [
        actor(500, [
          ["caseworker", 5],
          ["unit_manager", 6],
        ]),
        { requestId: "r5", clientAddress: null },
        uuid(9),
        proof(5),
      ],
      [
        actor(600, [
          ["caseworker", 5],
          ["unit_manager", 5],
        ]),
        { requestId: "r6", clientAddress: "10.0.0.1" },
        uuid(9),
        proof(6),
      ],
      [
        actor(700, [["administrator", null]]),
        { requestId: "r7", clientAddress: null },
        uuid(9),
        proof(7),
      ],
    ];
    for (const [a, meta, id, p] of [...cases, ...cases]) {
      const templated = caseReadStatement(trx, a, meta, id, p);
      const built = builtCaseReadStatement(trx, a, meta, id, p);
      expect({ sql: templated.sql, parameters: templated.parameters }).toEqual({
        sql: built.sql,
        parameters: built.parameters,
      });
    }
  });
});

describe("statement templates", () => {
  it("never template a value written into the text or combined with another", () => {
    const templates = new StatementTemplates();
    let builds = 0;
    const build = (v: Record<string, string | Date | null>) => {
      builds++;
      return {
        sql: `select ${String(v.inText)}, $1`,
        parameters: [`${String(v.combined)}!`],
        query: { kind: "RawNode" },
      } as never;
    };
    const first = templates.compile("s", { inText: "a", combined: "b" }, build);
    const second = templates.compile("s", { inText: "c", combined: "d" }, build);
    expect(first.sql).toBe("select a, $1");
    expect(second.sql).toBe("select c, $1");
    expect(second.parameters).toEqual(["d!"]);
    expect(builds).toBe(4); // two stand-in builds, then built for each request
  });
});
