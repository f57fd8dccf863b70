import { ImportInstrumentResult, InstrumentDefinition } from "../../../shared/api/assessments.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { requireAdministrator } from "../admin/service.ts";
import { availableInstruments, instrumentSummary, storeVersion } from "./registry.ts";

const tags = ["admin"];

/**
 * The administrator loads instrument definitions (JSON, e.g. an official instrument the
 * organisation is licensed for). A broken definition is refused with what is wrong in it;
 * a published version never changes (409 — give it a higher version).
 */
export const instrumentAdminRoutes: RouteModule = (app, { database }) => {
  app.post(
    "/api/admin/instruments",
    {
      schema: {
        tags,
        summary: "Import an instrument definition (a new instrument or a higher version)",
        body: InstrumentDefinition,
        response: { 201: ImportInstrumentResult },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meta = requestMeta(request);
      await requireAdministrator(database, actor, meta, "POST /api/admin/instruments");
      const { outcome, instruments } = await withActor(database.db, actor, async (trx) => {
        const outcome = await storeVersion(trx, actor.orgId, request.body);
        await recordAudit(trx, auditContext(actor, meta), [
          {
            action: "admin.instrument.import",
            resourceType: "user",
            data: { instrument: `${request.body.id}@${request.body.version}`, outcome },
          },
        ]);
        return { outcome, instruments: await availableInstruments(trx, actor.orgId) };
      });
      return reply.status(201).send({
        outcome,
        instruments: instruments.map(instrumentSummary),
      });
    },
  );
};
