import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "../../access/transaction.ts";
import { actorOf, buildAccessWorld, seededRandom } from "../../testing/access-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";

/**
 * frid_journal_search (migration 0047) is SECURITY DEFINER: row-level security does not run
 * inside it, so it applies the journal's visibility rule itself. Here it must answer, for
 * every user of a generated organisation (grants live, expired and revoked; barriers;
 * unassigned workers; managers; two hats; protected persons; a second organisation), exactly
 * what a bare select under row-level security answers — never an entry more.
 */
const seed = Number(process.env.FRID_ACCESS_SEED ?? 20261204);

describe.each(testDatabaseKinds)("journal search and row-level security agree (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let world: { orgIds: string[]; userIds: string[] };

  beforeAll(async () => {
    const { owner } = database();
    world = await buildAccessWorld(owner, seed);
    const r = seededRandom(seed);
    const cases = await owner.selectFrom("case").select(["id", "org_id"]).execute();
    const staff = await owner.selectFrom("app_user").select(["id", "org_id"]).execute();
    // In every case a signed entry and a draft, each by someone of the organisation.
    const rows = cases.flatMap((c) => {
      const colleagues = staff.filter((s) => s.org_id === c.org_id);
      return [true, false].map((signed) => ({
        id: crypto.randomUUID(),
        org_id: c.org_id,
        case_id: c.id,
        author_id: r.pick(colleagues).id,
        entry_type: "meeting" as const,
        occurred_at: new Date(Date.now() - r.next() * 86_400_000 * 30),
        body: signed ? "Samtal om oron för barnen." : "Utkast: oroande uppgifter om hot.",
        signed_at: signed ? new Date() : null,
      }));
    });
    await owner.insertInto("journal_entry").values(rows).execute();
  });

  it(`finds for every user exactly the entries row-level security shows (seed ${seed})`, async () => {
    const { db, owner } = database();
    let visible = 0;
    let partial = 0;
    const total = Number(
      (await sql<{ n: number }>`select count(*)::int as n from journal_entry`.execute(owner))
        .rows[0]?.n,
    );
    for (const userId of world.userIds) {
      const actor = await actorOf(owner, userId);
      const [found, shown] = await withActor(db, actor, async (trx) => [
        (
          await sql<{ entry_id: string }>`
            select entry_id from frid_journal_search('oro', null, 100000)`.execute(trx)
        ).rows.map((x) => x.entry_id),
        (
          await sql<{ id: string }>`
            select id from journal_entry
             where search_vector @@ frid_journal_tsquery('oro')`.execute(trx)
        ).rows.map((x) => x.id),
      ]);
      expect(found.sort(), `entries of ${actor.username}`).toEqual(shown.sort());
      visible += found.length;
      if (found.length > 0 && found.length < total) partial++;
    }
    // The rule decided something: users saw entries, and most saw only some.
    expect(visible).toBeGreaterThan(0);
    expect(partial).toBeGreaterThan(world.userIds.length / 2);
  });
});
