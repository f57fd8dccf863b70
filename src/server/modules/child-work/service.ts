import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  ConsultationBody,
  MedicalExamBody,
  PoliceReportBody,
  RecordTalkBody,
  StartSeriesBody,
} from "../../../shared/api/child-work.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import {
  recordCourseRefusal,
  runWorkCommand,
  type WorkContext,
  workNotFound,
  workOfSeries,
} from "./guard.ts";
import { beforeOpened, checkDay } from "./rules.ts";
import { loadWorks } from "./view.ts";

/**
 * The commands on a child's work (each through runWorkCommand, guard.ts): series of crisis
 * talks and their talks, police reports, medical examinations, consultations, the close.
 * Each answers the whole work as the page shows it.
 */
type Out<T extends z.ZodType> = z.output<T>;
type What =
  | "series_start"
  | "talk"
  | "series_end"
  | "police_report"
  | "medical_exam"
  | "consultation";

const view = async (ctx: WorkContext) => {
  const [work] = await loadWorks(ctx.trx, [ctx.work.id], () => ctx.mayChange);
  return work!;
};

export function readWork(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
) {
  return runWorkCommand(database, actor, meta, {
    workId,
    action: "child_work.read",
    run: view,
    data: () => ({ childWorkIds: [workId] }),
  });
}

/** A record in the work: inserted by `insert` (which answers its id), then the work read back. */
function recordIn(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
  what: What,
  insert: (ctx: WorkContext) => Promise<string>,
) {
  return runWorkCommand(database, actor, meta, {
    workId,
    action: "child_work.record",
    changes: true,
    run: async (ctx) => ({ recordId: await insert(ctx), work: await view(ctx) }),
    data: ({ recordId }) => ({ childWorkId: workId, what, recordId }),
  }).then((r) => r.work);
}

const since = (ctx: WorkContext) => ({ on: ctx.work.opened_on, message: beforeOpened });

export function startSeries(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
  input: Out<typeof StartSeriesBody>,
) {
  return recordIn(database, actor, meta, workId, "series_start", async (ctx) => {
    // A series may be planned ahead: its start is not refused for lying in the future.
    if (input.startedOn < ctx.work.opened_on) throw invalid({ startedOn: beforeOpened });
    const open = await ctx.trx
      .selectFrom("crisis_talk_series")
      .select("id")
      .where("child_work_id", "=", workId)
      .where("ended_on", "is", null)
      .executeTakeFirst();
    if (open)
      throw new AppError(
        409,
        "conflict",
        "Barnet har en pågående samtalsserie. Avsluta den först.",
      );
    const id = randomUUID();
    await ctx.trx
      .insertInto("crisis_talk_series")
      .values({
        id,
        org_id: actor.orgId,
        child_work_id: workId,
        model: input.model,
        planned_talks: input.plannedTalks,
        worker_id: actor.userId,
        started_on: input.startedOn,
        created_by: actor.userId,
      })
      .execute();
    return id;
  });
}

/** The series locked (so two talks at once are numbered one after the other), in this work. */
async function lockedSeries(trx: Trx, workId: string, seriesId: string) {
  const series = await trx
    .selectFrom("crisis_talk_series")
    .select(["id", "started_on", "ended_on"])
    .where("id", "=", seriesId)
    .where("child_work_id", "=", workId)
    .forUpdate()
    .executeTakeFirst();
  if (!series) throw workNotFound();
  return series;
}

/** A command on a series runs as a command on its child's work. */
async function onSeries(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  seriesId: string,
  what: "talk" | "series_end",
  command: (ctx: WorkContext, series: Awaited<ReturnType<typeof lockedSeries>>) => Promise<string>,
) {
  const workId = await workOfSeries(database, actor, seriesId);
  if (!workId) {
    await recordCourseRefusal(database, actor, meta, null, "child_work.record");
    throw workNotFound();
  }
  return recordIn(database, actor, meta, workId, what, async (ctx) =>
    command(ctx, await lockedSeries(ctx.trx, workId, seriesId)),
  );
}

export function recordTalk(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  seriesId: string,
  input: Out<typeof RecordTalkBody>,
) {
  return onSeries(database, actor, meta, seriesId, "talk", async (ctx, series) => {
    if (series.ended_on)
      throw new AppError(409, "conflict", "Samtalsserien är avslutad. Starta en ny serie.");
    checkDay("heldOn", input.heldOn, since(ctx));
    if (input.heldOn < series.started_on)
      throw invalid({ heldOn: "Samtalet kan inte ligga före seriens början." });
    const last = await ctx.trx
      .selectFrom("crisis_talk")
      .select((eb) => eb.fn.max("number").as("number"))
      .where("series_id", "=", seriesId)
      .executeTakeFirst();
    const number = Number(last?.number ?? 0) + 1;
    if (number > 100) throw new AppError(409, "conflict", "Serien har redan 100 samtal.");
    const id = randomUUID();
    await ctx.trx
      .insertInto("crisis_talk")
      .values({
        id,
        org_id: actor.orgId,
        series_id: seriesId,
        number,
        held_on: input.heldOn,
        child_words: input.childWords,
        notes: input.notes,
        created_by: actor.userId,
      })
      .execute();
    return id;
  });
}

export function endSeries(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  seriesId: string,
  input: { endedOn: string },
) {
  return onSeries(database, actor, meta, seriesId, "series_end", async (ctx, series) => {
    if (series.ended_on) throw new AppError(409, "conflict", "Samtalsserien är redan avslutad.");
    checkDay("endedOn", input.endedOn, {
      on: series.started_on,
      message: "Serien kan inte sluta innan den började.",
    });
    await lastTalkNotAfter(ctx.trx, seriesId, input.endedOn);
    await ctx.trx
      .updateTable("crisis_talk_series")
      .set({ ended_on: input.endedOn })
      .where("id", "=", seriesId)
      .execute();
    return seriesId;
  });
}

async function lastTalkNotAfter(trx: Trx, seriesId: string, endedOn: string) {
  const last = await trx
    .selectFrom("crisis_talk")
    .select((eb) => eb.fn.max("held_on").as("held_on"))
    .where("series_id", "=", seriesId)
    .executeTakeFirst();
  if (last?.held_on && String(last.held_on) > endedOn)
    throw invalid({ endedOn: "Serien kan inte sluta före sitt senaste samtal." });
}

export function recordPoliceReport(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
  input: Out<typeof PoliceReportBody>,
) {
  return recordIn(database, actor, meta, workId, "police_report", async (ctx) => {
    checkDay("reportedOn", input.reportedOn, since(ctx));
    const id = randomUUID();
    await ctx.trx
      .insertInto("child_police_report")
      .values({
        id,
        org_id: actor.orgId,
        child_work_id: workId,
        reported_on: input.reportedOn,
        reporter_kind: input.reporterKind,
        // The unit reported: the worker recording it is the one who did.
        reporter_user_id: input.reporterKind === "own_unit" ? actor.userId : null,
        crime_category: input.crimeCategory,
        notes: input.notes,
        created_by: actor.userId,
      })
      .execute();
    return id;
  });
}

export function recordMedicalExam(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
  input: Out<typeof MedicalExamBody>,
) {
  return recordIn(database, actor, meta, workId, "medical_exam", async (ctx) => {
    checkDay("examinedOn", input.examinedOn, since(ctx));
    const id = randomUUID();
    await ctx.trx
      .insertInto("child_medical_exam")
      .values({
        id,
        org_id: actor.orgId,
        child_work_id: workId,
        examined_on: input.examinedOn,
        kind: input.kind,
        place: input.place,
        notes: input.notes,
        created_by: actor.userId,
      })
      .execute();
    return id;
  });
}

export function recordConsultation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
  input: Out<typeof ConsultationBody>,
) {
  return recordIn(database, actor, meta, workId, "consultation", async (ctx) => {
    checkDay("heldOn", input.heldOn, since(ctx));
    const id = randomUUID();
    await ctx.trx
      .insertInto("child_consultation")
      .values({
        id,
        org_id: actor.orgId,
        child_work_id: workId,
        held_on: input.heldOn,
        agencies: input.agencies,
        participants: input.participants,
        basis: input.basis,
        consent_note: input.basis === "consent" ? input.consentNote : null,
        notes: input.notes,
        created_by: actor.userId,
      })
      .execute();
    return id;
  });
}

/** Closes the work; a series still going ends the same day. */
export function closeWork(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  workId: string,
  input: { closedOn: string },
) {
  return runWorkCommand(database, actor, meta, {
    workId,
    action: "child_work.close",
    changes: true,
    run: async (ctx) => {
      checkDay("closedOn", input.closedOn, {
        on: ctx.work.opened_on,
        message: "Arbetet kan inte avslutas före den dag det började.",
      });
      const open = await ctx.trx
        .selectFrom("crisis_talk_series")
        .select(["id", "started_on"])
        .where("child_work_id", "=", workId)
        .where("ended_on", "is", null)
        .execute();
      for (const s of open) {
        if (s.started_on > input.closedOn)
          throw invalid({ closedOn: "En samtalsserie börjar efter den dagen." });
        await lastTalkNotAfter(ctx.trx, s.id, input.closedOn).catch(() => {
          throw invalid({ closedOn: "Ett samtal ligger efter den dagen." });
        });
      }
      await ctx.trx
        .updateTable("crisis_talk_series")
        .set({ ended_on: input.closedOn })
        .where("child_work_id", "=", workId)
        .where("ended_on", "is", null)
        .execute();
      await ctx.trx
        .updateTable("child_work")
        .set({ closed_on: input.closedOn })
        .where("id", "=", workId)
        .execute();
      return view({ ...ctx, work: { ...ctx.work, closed_on: input.closedOn }, mayChange: false });
    },
    data: () => ({ childWorkId: workId }),
  });
}
