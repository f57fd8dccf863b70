import { type SqlBool, sql } from "kysely";
import type { ConsultationView } from "../../../shared/api/consultations.ts";
import type { TimePlace } from "../../../shared/api/paging.ts";
import { addDays, startOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Reads of the consultation log, under its row-level security (0059: the staff of the unit).
 * A row's place in the list is its time to the microsecond and its id (shared/api/paging.ts).
 */
const occurredPlace = sql<string>`to_char(k.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function views(trx: Trx) {
  return trx
    .selectFrom("consultation as k")
    .innerJoin("unit as u", "u.id", "k.unit_id")
    .innerJoin("app_user as w", "w.id", "k.worker_id")
    .selectAll("k")
    .select(["u.name as unit_name", "w.display_name as worker_name", occurredPlace.as("place")]);
}

type Row = Awaited<ReturnType<ReturnType<typeof views>["executeTakeFirstOrThrow"]>>;

export function toView(r: Row): ConsultationView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    occurredAt: new Date(r.occurred_at).toISOString(),
    askerOrganisationKind: r.asker_organisation_kind,
    askerOrganisationName: r.asker_organisation_name,
    municipality: r.municipality,
    askerRole: r.asker_role,
    topics: r.topics,
    stage: r.stage,
    minutes: r.minutes,
    question: r.question,
    advice: r.advice,
    followUp: r.follow_up,
    followUpOn: r.follow_up_on,
    followUpNote: r.follow_up_note,
    workerName: r.worker_name,
    version: r.version,
  };
}

export async function oneConsultation(trx: Trx, id: string) {
  return views(trx).where("k.id", "=", id).executeTakeFirst();
}

export interface ListFilter {
  units: string[];
  from?: string;
  to?: string;
  topic?: string;
  followUp?: string;
  before?: TimePlace;
  limit: number;
}

function filtered(trx: Trx, f: ListFilter) {
  let q = views(trx).where("k.unit_id", "in", f.units);
  if (f.from) q = q.where("k.occurred_at", ">=", startOfDay(f.from));
  if (f.to) q = q.where("k.occurred_at", "<", startOfDay(addDays(f.to, 1)));
  if (f.topic) q = q.where(sql<SqlBool>`${f.topic}::text = any(k.topics)`);
  if (f.followUp) q = q.where("k.follow_up", "=", f.followUp as Row["follow_up"]);
  return q;
}

/** A page of the log, newest first: up to `limit + 1` rows (pageFrom). */
export function consultationPage(trx: Trx, f: ListFilter) {
  let q = filtered(trx, f);
  if (f.before) {
    const { at, id } = f.before;
    q = q.where(sql<SqlBool>`(k.occurred_at, k.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return q
    .orderBy("k.occurred_at", "desc")
    .orderBy("k.id", "desc")
    .limit(f.limit + 1)
    .execute();
}

/** How many rows the whole filtered log has (asked for with count=true). */
export async function consultationCount(trx: Trx, f: ListFilter): Promise<number> {
  const row = await trx
    .selectFrom("consultation as k")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("k.unit_id", "in", f.units)
    .$if(!!f.from, (q) => q.where("k.occurred_at", ">=", startOfDay(f.from ?? "")))
    .$if(!!f.to, (q) => q.where("k.occurred_at", "<", startOfDay(addDays(f.to ?? "", 1))))
    .$if(!!f.topic, (q) => q.where(sql<SqlBool>`${f.topic ?? ""}::text = any(k.topics)`))
    .$if(!!f.followUp, (q) => q.where("k.follow_up", "=", f.followUp as Row["follow_up"]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
