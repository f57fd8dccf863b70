import { IdParams } from "../../../shared/api/admin.ts";
import {
  RetentionReceiptList,
  RetentionRuleList,
  RetentionRunList,
  RetentionRunView,
  RuleParams,
  UpdateRetentionRule,
} from "../../../shared/api/retention.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { decideRun } from "./removal.ts";
import { dryRun, listRules, listRuns, readRun, runReceipts, updateRule } from "./service.ts";

const tags = ["retention"];

/** Gallring (issue 19, item 8): rules, dry runs, the manager's decision, receipts. */
export const retentionRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/retention/rules",
    {
      schema: {
        tags,
        summary: "The organisation's retention rules (unit managers and administrators)",
        response: { 200: RetentionRuleList },
      },
    },
    async (request) => listRules(database, requireActor(request), requestMeta(request)),
  );
  app.put(
    "/api/retention/rules/:code",
    {
      schema: {
        tags,
        summary: "Change a retention rule, or record who verified its source when (administrators)",
        params: RuleParams,
        body: UpdateRetentionRule,
        response: { 200: RetentionRuleList },
      },
    },
    async (request) =>
      updateRule(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.code,
        request.body,
      ),
  );
  app.get(
    "/api/retention/runs",
    {
      schema: {
        tags,
        summary: "My dry runs, newest first (unit managers)",
        response: { 200: RetentionRunList },
      },
    },
    async (request) => listRuns(database, requireActor(request), requestMeta(request)),
  );
  app.post(
    "/api/retention/runs",
    {
      schema: {
        tags,
        summary:
          "A dry run over my units: what would be removed and why, what is kept and by which exception",
        response: { 201: RetentionRunView },
      },
    },
    async (request, reply) => {
      const run = await dryRun(database, requireActor(request), requestMeta(request));
      return reply.code(201).send(run);
    },
  );
  app.get(
    "/api/retention/runs/:id",
    {
      schema: {
        tags,
        summary: "A dry run and its decision",
        params: IdParams,
        response: { 200: RetentionRunView },
      },
    },
    async (request) =>
      readRun(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.post(
    "/api/retention/runs/:id/decision",
    {
      schema: {
        tags,
        summary: "Remove what the dry run lists, each record checked again, with a receipt each",
        params: IdParams,
        response: { 200: RetentionRunView },
      },
    },
    async (request) =>
      decideRun(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/retention/runs/:id/receipts",
    {
      schema: {
        tags,
        summary: "The receipts of a decided run: what, when, which rule, by whom (no content)",
        params: IdParams,
        response: { 200: RetentionReceiptList },
      },
    },
    async (request) =>
      runReceipts(database, requireActor(request), requestMeta(request), request.params.id),
  );
};
