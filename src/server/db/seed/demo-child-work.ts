import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo } from "./demo-clock.ts";

/**
 * The children's crisis centre's work with Maja Berg (issue 17, item 2). Maja's case is at
 * Barn och unga; so that a crisis-centre worker may see it, its manager (barnchef) assigned
 * Eva Lund (behandlare2, Kriscentrum, who already supports Sara Berg) to it nine days ago.
 * Eva opened Maja's work at Kriscentrum then, made a police report the same day, took part in
 * an anonymised consultation with the police and Barnahus, and has held a Trappan series of
 * three talks — the first with Maja's own words. Everything told is fictional.
 */
type Trx = Transaction<Database>;

export interface DemoChildWorkIds {
  orgId: string;
  crisisUnitId: string;
  /** Eva Lund (behandlare2) and the manager of Barn och unga who assigns her. */
  therapistId: string;
  childManagerId: string;
  maja: { caseId: string; personId: string };
}

export async function seedDemoChildWork(trx: Trx, ids: DemoChildWorkIds): Promise<void> {
  const { orgId, therapistId } = ids;
  await trx
    .insertInto("case_assignment")
    .values({
      org_id: orgId,
      case_id: ids.maja.caseId,
      user_id: therapistId,
      assigned_by: ids.childManagerId,
      assigned_at: daysAgo(9),
    })
    .execute();
  const workId = randomUUID();
  const made = { org_id: orgId, created_by: therapistId };
  await trx
    .insertInto("child_work")
    .values({
      ...made,
      id: workId,
      unit_id: ids.crisisUnitId,
      case_id: ids.maja.caseId,
      person_id: ids.maja.personId,
      opened_on: dayAgo(9),
      created_at: daysAgo(9),
    })
    .execute();
  await trx
    .insertInto("child_police_report")
    .values({
      ...made,
      id: randomUUID(),
      child_work_id: workId,
      reported_on: dayAgo(9),
      reporter_kind: "own_unit",
      reporter_user_id: therapistId,
      crime_category: "child_witness_crime",
      notes: "Anmälan om barnfridsbrott: Maja har sett pappan slå mamman.",
      created_at: daysAgo(9, 60),
    })
    .execute();
  await trx
    .insertInto("child_consultation")
    .values({
      ...made,
      id: randomUUID(),
      child_work_id: workId,
      held_on: dayAgo(7),
      agencies: ["police", "barnahus", "social_services"],
      participants: "Förhörsledare, samordnare på Barnahus, barnhandläggare, behandlare",
      basis: "anonymised",
      notes: "Samråd om när barnet kan höras och vilket stöd barnet behöver under tiden.",
      created_at: daysAgo(7),
    })
    .execute();
  await seedTrappan(trx, ids, workId);
}

/** A Trappan series of three planned talks, all held; the first with Maja's own words. */
async function seedTrappan(trx: Trx, ids: DemoChildWorkIds, workId: string) {
  const seriesId = randomUUID();
  const made = { org_id: ids.orgId, created_by: ids.therapistId };
  await trx
    .insertInto("crisis_talk_series")
    .values({
      ...made,
      id: seriesId,
      child_work_id: workId,
      model: "trappan",
      planned_talks: 3,
      worker_id: ids.therapistId,
      started_on: dayAgo(8),
      created_at: daysAgo(8),
    })
    .execute();
  const talks = [
    {
      days: 8,
      words: "Pappa var jättearg och mamma grät. Jag gömde mig under täcket.",
      notes: "Första samtalet: vad som hände, med teckningar. Maja berättade själv.",
    },
    { days: 5, words: null, notes: "Andra samtalet: känslor och kroppen. Maja sover dåligt." },
    {
      days: 2,
      words: "Jag vill att pappa ska sluta vara arg.",
      notes: "Tredje samtalet: vad som hjälper, vilka vuxna hon kan prata med.",
    },
  ];
  for (const [i, talk] of talks.entries()) {
    await trx
      .insertInto("crisis_talk")
      .values({
        ...made,
        id: randomUUID(),
        series_id: seriesId,
        number: i + 1,
        held_on: dayAgo(talk.days),
        child_words: talk.words,
        notes: talk.notes,
        created_at: daysAgo(talk.days),
      })
      .execute();
  }
}
