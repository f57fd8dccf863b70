import { sql } from "kysely";
import {
  type ServiceFigures,
  serviceChannels,
  serviceContactKinds,
  subjectKinds,
} from "../../../shared/api/service-contacts.ts";
import { addDays, addMonths, startOfDay } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { FigureScope } from "./figures.ts";
import { scopeOf } from "./partner-contact.ts";

/**
 * Service contacts in figures (issue 17, item 7), for the yearly report to call: the
 * contacts of a period [from, to] (Swedish days) at the units in scope, by kind, channel and
 * how the person was named; the courses and persons they were for (an identified person
 * once, each other course as one person), women, men and children; minutes; referrals and
 * intakes made. Run in a reporting transaction (withReporting): frid_report's policies of
 * 0057 let through the courses of the units the actor reports on; `units` narrows further.
 * Exact figures: suppressing small counts is the caller's choice.
 */

export interface RawServiceFigures {
  from: string;
  to: string;
  contacts: number;
  byKind: Record<(typeof serviceContactKinds)[number], number>;
  byChannel: Record<(typeof serviceChannels)[number], number>;
  bySubject: Record<(typeof subjectKinds)[number], number>;
  courses: number;
  persons: number;
  women: number;
  men: number;
  children: number;
  minutes: number;
  referred: number;
  intakesMade: number;
}

const keyed = (column: string, keys: readonly string[]) =>
  sql.join(
    keys.map(
      (k) =>
        sql`count(*) filter (where ${sql.ref(column)} = ${k})::integer as ${sql.ref(`${column}_${k}`)}`,
    ),
  );

export async function serviceContactFigures(
  trx: Trx,
  s: FigureScope & { from: string; to: string },
): Promise<RawServiceFigures> {
  const { rows } = await sql<Record<string, number | null>>`
    with k as (
      select s.kind, s.channel, s.duration_minutes, s.outcome, c.id as course_id,
        c.subject_kind, coalesce(c.person_id, c.id) as who, c.sex, c.is_child
      from service_contact s join service_course c on c.id = s.course_id
      where s.org_id = ${s.orgId} and s.occurred_at >= ${startOfDay(s.from)}
        and s.occurred_at < ${startOfDay(addDays(s.to, 1))}
        ${s.units === null ? sql`` : sql`and c.unit_id = any(${s.units}::uuid[])`})
    select count(*)::integer as contacts,
      ${keyed("kind", serviceContactKinds)},
      ${keyed("channel", serviceChannels)},
      ${keyed("subject_kind", subjectKinds)},
      count(distinct course_id)::integer as courses,
      count(distinct who)::integer as persons,
      count(distinct who) filter (where sex = 'female' and not is_child)::integer as women,
      count(distinct who) filter (where sex = 'male' and not is_child)::integer as men,
      count(distinct who) filter (where is_child)::integer as children,
      coalesce(sum(duration_minutes), 0)::integer as minutes,
      count(*) filter (where outcome = 'referred')::integer as referred,
      count(*) filter (where outcome = 'intake_made')::integer as intakes_made
    from k`.execute(trx);
  const r = rows[0] ?? {};
  const n = (key: string) => Number(r[key] ?? 0);
  const each = <K extends string>(column: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, n(`${column}_${k}`)])) as Record<K, number>;
  return {
    from: s.from,
    to: s.to,
    contacts: n("contacts"),
    byKind: each("kind", serviceContactKinds),
    byChannel: each("channel", serviceChannels),
    bySubject: each("subject_kind", subjectKinds),
    courses: n("courses"),
    persons: n("persons"),
    women: n("women"),
    men: n("men"),
    children: n("children"),
    minutes: n("minutes"),
    referred: n("referred"),
    intakesMade: n("intakes_made"),
  };
}

/**
 * GET /api/statistics/service-contacts: a unit manager's own units exactly, an analyst's
 * organisation in whole months with 1–4 suppressed (the scope rule of partner contact's
 * figures, scopeOf). Counts only, never a person.
 */
export async function serviceContactStatistics(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { from: string; to: string; unitId?: string },
): Promise<ServiceFigures> {
  if (input.to < input.from)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      to: "Periodens sista dag kan inte ligga före den första.",
    });
  const s = await scopeOf(database, actor, meta, input.unitId);
  const { from, to } =
    s.kind === "organisation"
      ? {
          from: `${input.from.slice(0, 7)}-01`,
          to: addDays(addMonths(`${input.to.slice(0, 7)}-01`, 1), -1),
        }
      : input;
  const raw = await withReporting(database.db, actor, (trx) =>
    serviceContactFigures(trx, { ...s, from, to }),
  );
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: input.unitId ?? null,
        data: { report: "service_contacts", from, to },
      },
    ]),
  );
  const shown = (v: number) => (s.suppressed && v > 0 && v < 5 ? null : v);
  const each = <K extends string>(r: Record<K, number>) =>
    Object.fromEntries(Object.entries<number>(r).map(([k, v]) => [k, shown(v)])) as Record<
      K,
      number | null
    >;
  return {
    from,
    to,
    scope: s.kind,
    suppressed: s.suppressed,
    contacts: shown(raw.contacts),
    byKind: each(raw.byKind),
    byChannel: each(raw.byChannel),
    bySubject: each(raw.bySubject),
    courses: shown(raw.courses),
    persons: shown(raw.persons),
    women: shown(raw.women),
    men: shown(raw.men),
    children: shown(raw.children),
    minutes: shown(raw.minutes),
    referred: shown(raw.referred),
    intakesMade: shown(raw.intakesMade),
  };
}
