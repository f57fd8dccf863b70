import { IdParams } from "../../../shared/api/admin.ts";
import { IntakeList, RecordIntakeBody, RecordIntakeResult } from "../../../shared/api/intake.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { listPersonIntakes } from "./person-intakes.ts";
import { listIntakes, recordIntake } from "./service.ts";

const tags = ["intake"];

export const intakeRoutes: RouteModule = (app, { database }) => {
  app.post(
    "/api/intakes",
    {
      schema: {
        tags,
        summary:
          "Record an intake (aktualisering): opens or joins a case unless only information was asked for",
        body: RecordIntakeBody,
        response: { 201: RecordIntakeResult },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await recordIntake(database, requireActor(request), requestMeta(request), {
        person_id: b.personId,
        unit_id: b.unitId,
        source: b.source,
        channel: b.channel,
        receivedAt: b.receivedAt,
        kind: b.kind,
        asked_about_violence: b.askedAboutViolence,
        violence_answer: b.violenceAnswer,
        report_text: b.reportText,
        reported_on: b.reportedOn,
        reporter_organisation: b.reporterOrganisation,
        reporter_name: b.reporterName,
        reporter_phone: b.reporterPhone,
        reporter_email: b.reporterEmail,
        interpreter_needed: b.interpreterNeeded,
        interpreter_language: b.interpreterLanguage,
        children_in_household: b.childrenInHousehold,
        information_only_reason: b.informationOnlyReason,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/cases/:id/intakes",
    {
      schema: {
        tags,
        summary: "How the case's matters reached the unit",
        params: IdParams,
        response: { 200: IntakeList },
      },
    },
    async (request) => ({
      intakes: await listIntakes(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );

  app.get(
    "/api/persons/:id/intakes",
    {
      schema: {
        tags,
        summary:
          "How the person's matters reached the units: intakes in cases the caller may see, and those without a case the caller recorded (newest 100)",
        params: IdParams,
        response: { 200: IntakeList },
      },
    },
    async (request) => ({
      intakes: await listPersonIntakes(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
};
