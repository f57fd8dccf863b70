import { sql } from "kysely";
import {
  type AnomalyKind,
  type AnomalyList,
  type AnomalyQuery,
  type AnomalyView,
  anomalyKeyPattern,
  anomalyPeriodMaxDays,
  type ConcludeAnomaly,
  type Conclusion,
  manyPersonsPerDayBounds,
} from "../../../shared/api/log-review.ts";
import { addDays, startOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { showPerson, withheldName } from "../../../shared/protection.ts";
import { isWorkingDay, workdayEndHour, workdayStartHour } from "../../../shared/working-hours.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Systematic log review (issue 19, item 7): the anomalies of a period, computed from the
 * audit trail by frid_log_anomalies (migration 0081, which says what each kind means and
 * what it approximates), for the users and persons of the units the manager manages.
 */

/**
 * How many distinct persons' records one user may open in a day before the day is an
 * anomaly, unless the organisation has set its own (log_review_setting). A caseworker with
 * a full caseload opens perhaps 10–20 of her own persons on a busy day; 30 is well above
 * that and well below what browsing the register would leave.
 */
export const defaultManyPersonsPerDay = manyPersonsPerDayBounds.default;

const notFound = () =>
  new AppError(404, "not_found", "Det finns inget att visa, eller så saknar du behörighet.");

const badPeriod = () =>
  new AppError(400, "validation_failed", "Perioden är för lång.", {
    from: `Välj en period på högst ${anomalyPeriodMaxDays} dagar.`,
  });

/** The period asked for, or the default: the last week, today included. */
export function periodOf(q: Pick<AnomalyQuery, "from" | "to">, now: Date) {
  const to = q.to ?? stockholmDate(now);
  const from = q.from ?? addDays(to, -7);
  if (addDays(from, anomalyPeriodMaxDays) <= to) throw badPeriod();
  return { from, to };
}

/** The days of the period that are not working days (weekends, holidays). */
function daysOff(from: string, to: string): string[] {
  const off: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!isWorkingDay(d)) off.push(d);
  return off;
}

export async function threshold(trx: Trx, orgId: string): Promise<number> {
  const row = await trx
    .selectFrom("log_review_setting")
    .select("many_persons_per_day")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row?.many_persons_per_day ?? defaultManyPersonsPerDay;
}

interface AnomalyRow {
  key: string;
  kind: AnomalyKind;
  user_id: string;
  day: string;
  person_id: string | null;
  events: number;
  persons: number;
  protected: boolean | null;
  user_name: string | null;
  conclusion_id: string | null;
  conclusion: Conclusion | null;
  note: string | null;
  concluded_at: Date | null;
  concluded_by: string | null;
}

interface Selection {
  orgId: string;
  from: string;
  to: string;
  manyPersons: number;
  kind?: AnomalyKind;
  concluded: AnomalyQuery["concluded"];
  key?: string;
}

/** The anomalies of the period with their newest conclusion, filtered; a subquery `a`. */
function anomalies(s: Selection) {
  return sql`(
    select f.*, u.display_name as user_name,
           f.kind || ':' || f.user_id || ':' || to_char(f.day, 'YYYY-MM-DD')
             || coalesce(':' || f.person_id, '') as key,
           c.conclusion_id, c.conclusion, c.note, c.concluded_at, c.concluded_by
      from frid_log_anomalies(${startOfDay(s.from)}::timestamptz,
             ${startOfDay(addDays(s.to, 1))}::timestamptz, ${s.manyPersons}::integer,
             ${daysOff(s.from, s.to)}::date[], ${workdayStartHour}::integer,
             ${workdayEndHour}::integer) f
      left join app_user u on u.id = f.user_id
      left join lateral (
        select k.id as conclusion_id, k.conclusion, k.note, k.concluded_at,
               b.display_name as concluded_by
          from audit_conclusion k left join app_user b on b.id = k.concluded_by
         where k.org_id = ${s.orgId}::uuid
           and k.anomaly_key = f.kind || ':' || f.user_id || ':' || to_char(f.day, 'YYYY-MM-DD')
                                 || coalesce(':' || f.person_id, '')
           -- The newest is the one no later conclusion replaced (migration 0083).
           and not exists (select 1 from audit_conclusion r where r.replaces = k.id)
         limit 1) c on true
     where (${s.kind ?? null}::text is null or f.kind = ${s.kind ?? null}::text)
       and (${s.concluded}::text = 'all' or (c.conclusion is null) = (${s.concluded}::text = 'open'))
  ) a where (${s.key ?? null}::text is null or a.key = ${s.key ?? null}::text)`;
}

/** A page: newest day first, then by key; `before` is the last key shown. */
async function pageOf(trx: Trx, s: Selection, limit: number, before?: string) {
  const place = before ? anomalyKeyPattern.exec(before) : null;
  const day = place?.[3] ?? null;
  const { rows } = await sql<AnomalyRow>`
    select * from ${anomalies(s)}
       and (${day}::date is null or a.day < ${day}::date
            or (a.day = ${day}::date and a.key > ${before ?? null}::text))
     order by a.day desc, a.key asc limit ${limit + 1}`.execute(trx);
  return rows;
}

async function countOf(trx: Trx, s: Selection): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${anomalies(s)}`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/** Each person as a list may show her (shared/protection.ts "list"); "–" if not the reader's. */
async function personNames(trx: Trx, ids: string[]) {
  const rows =
    ids.length === 0
      ? []
      : await trx
          .selectFrom("person")
          .select(["id", "given_name", "family_name", "protection_level"])
          .where(sql<boolean>`id = any(${ids}::uuid[])`)
          .execute();
  const byId = new Map(
    rows.map((r) => {
      const shown = showPerson(
        {
          name: `${r.given_name} ${r.family_name}`,
          identityNumber: null,
          protectionLevel: r.protection_level,
        },
        "list",
      );
      return [r.id, shown.name ?? withheldName];
    }),
  );
  return (id: string) => byId.get(id) ?? "–";
}

function toView(r: AnomalyRow, nameOf: (id: string) => string): AnomalyView {
  return {
    key: r.key,
    kind: r.kind,
    day: typeof r.day === "string" ? r.day : stockholmDate(new Date(r.day)),
    user: { id: r.user_id, displayName: r.user_name ?? "–" },
    person: r.person_id
      ? { id: r.person_id, name: nameOf(r.person_id), protected: r.protected === true }
      : null,
    events: Number(r.events),
    persons: Number(r.persons),
    conclusion:
      r.conclusion_id && r.conclusion && r.concluded_at
        ? {
            id: r.conclusion_id,
            conclusion: r.conclusion,
            note: r.note,
            concludedAt: new Date(r.concluded_at).toISOString(),
            concludedBy: r.concluded_by ?? "–",
          }
        : null,
  };
}

/** A unit manager's anomaly list for a period; anyone else: 404, audited. */
export async function listAnomalies(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  q: AnomalyQuery,
  now = new Date(),
): Promise<AnomalyList> {
  const { from, to } = periodOf(q, now);
  if (unitsWithRole(actor, ["unit_manager"]).length === 0) {
    return deny(database, actor, meta, { from, to, shown: 0 });
  }
  return withActor(database.db, actor, async (trx) => {
    const s: Selection = {
      orgId: actor.orgId,
      from,
      to,
      manyPersons: await threshold(trx, actor.orgId),
      kind: q.kind,
      concluded: q.concluded,
    };
    const rows = await pageOf(trx, s, q.limit, q.before);
    const shown = rows.slice(0, q.limit);
    const personIds = [...new Set(shown.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
    const nameOf = await personNames(trx, personIds);
    // The list names persons: it is itself a look at each of them.
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "audit.anomalies",
        { resourceType: "audit", personIds },
        { data: { from, to, shown: shown.length } },
      ),
    ]);
    const last = shown.at(-1);
    return {
      anomalies: shown.map((r) => toView(r, nameOf)),
      from,
      to,
      manyPersonsPerDay: s.manyPersons,
      nextCursor: rows.length > q.limit && last ? last.key : null,
      total: q.count ? await countOf(trx, s) : null,
    };
  });
}

async function deny(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  data: { from: string; to: string; shown: number },
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action: "audit.anomalies", outcome: "denied", resourceType: "audit", data },
    ]),
  );
  throw notFound();
}

/**
 * A conclusion about one anomaly of the manager's own lists: the anomaly is computed again
 * for its day (one not in the lists — another unit's, or none — is 404, audited), and the
 * conclusion is stored and audited in one transaction. It names the conclusion it replaces
 * (none for an open anomaly); another reviewer's since, or at the same moment, answers 409
 * and stores nothing (the unique indexes of migration 0083 decide between two at once).
 */
export async function concludeAnomaly(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: ConcludeAnomaly,
): Promise<AnomalyView> {
  const key = keyOf(input.key);
  const entry = {
    action: "audit.conclusion" as const,
    resourceType: "audit" as const,
    resourceId: input.key,
    personId: key.personId ?? null,
    data: { kind: key.kind, key: input.key, conclusion: input.conclusion },
  };
  const refuse = async (error: AppError): Promise<never> => {
    await withActor(database.db, actor, (trx) =>
      recordAudit(trx, auditContext(actor, meta), [{ ...entry, outcome: "denied" }]),
    );
    throw error;
  };
  // Nobody reviews their own reads: another manager of the unit does.
  if (key.userId === actor.userId) return refuse(ownReads());
  const managed = unitsWithRole(actor, ["unit_manager"]).length > 0;
  const view = await withActor(database.db, actor, async (trx) => {
    if (!managed) return null;
    const s: Selection = {
      orgId: actor.orgId,
      from: key.day,
      to: key.day,
      manyPersons: await threshold(trx, actor.orgId),
      concluded: "all",
      key: input.key,
    };
    const [found] = await pageOf(trx, s, 1);
    if (!found) return null;
    if (found.conclusion_id !== (input.replaces ?? null)) throw concludedSince();
    const stored = await store(trx, actor, input, key);
    if (!stored) throw concludedSince();
    await recordAudit(trx, auditContext(actor, meta), [entry]);
    const nameOf = await personNames(trx, key.personId ? [key.personId] : []);
    const row = { ...stored, conclusion: input.conclusion, note: input.note || null };
    return toView({ ...found, ...row, concluded_by: actor.displayName }, nameOf);
  });
  return view ?? refuse(notFound());
}

const ownReads = () =>
  new AppError(
    403,
    "forbidden",
    "Du kan inte bedöma avvikelser i dina egna läsningar. En annan chef i enheten gör det.",
  );

const concludedSince = () =>
  new AppError(409, "conflict", "Avvikelsen har just bedömts av någon annan. Ladda om listan.");

/** What an anomaly's key names (the schema checked its form). */
function keyOf(text: string) {
  const [, kind, userId, day, personId] = anomalyKeyPattern.exec(text) as unknown as [
    string,
    AnomalyKind,
    string,
    string,
    string | undefined,
  ];
  return { kind, userId, day, personId };
}

/**
 * Appends the conclusion (the newest counts; nothing is changed); undefined when another
 * already stands where it would (the same first conclusion, or the same one replaced).
 */
async function store(
  trx: Trx,
  actor: Actor,
  input: ConcludeAnomaly,
  key: ReturnType<typeof keyOf>,
) {
  const row = await trx
    .insertInto("audit_conclusion")
    .values({
      org_id: actor.orgId,
      anomaly_kind: key.kind,
      anomaly_key: input.key,
      subject_user_id: key.userId,
      day: key.day,
      person_id: key.personId ?? null,
      conclusion: input.conclusion,
      note: input.note || null,
      concluded_by: actor.userId,
      replaces: input.replaces ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(["id as conclusion_id", "concluded_at"])
    .executeTakeFirst();
  return row;
}
