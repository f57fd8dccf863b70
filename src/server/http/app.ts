import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { ErrorBody } from "../../shared/api/error.ts";
import { installValidationMessages } from "../../shared/validation-messages.ts";
import { registerDataAsOf } from "../access/data-as-of.ts";
import { registerAuthentication } from "../auth/hook.ts";
import { oidcRoutes } from "../auth/oidc/routes.ts";
import { authRoutes } from "../auth/routes.ts";
import { samlRoutes } from "../auth/saml/routes.ts";
import { sessionRoutes } from "../auth/session-routes.ts";
import { webauthnRoutes } from "../auth/webauthn/routes.ts";
import { accountImportRoutes } from "../modules/account-import/routes.ts";
import { actionPlanRoutes } from "../modules/action-plan/routes.ts";
import { adminRoutes } from "../modules/admin/routes.ts";
import { agencyRoutes } from "../modules/agencies/routes.ts";
import { agreementRoutes } from "../modules/agreements/routes.ts";
import { instrumentAdminRoutes } from "../modules/assessments/admin-routes.ts";
import { assessmentRoutes } from "../modules/assessments/routes.ts";
import { auditReviewRoutes } from "../modules/audit-review/routes.ts";
import { breakGlassRoutes } from "../modules/break-glass/routes.ts";
import { caseConsultationRoutes } from "../modules/case-consultations/routes.ts";
import { caseRoutes } from "../modules/cases/routes.ts";
import { chatRoutes } from "../modules/chat/routes.ts";
import { childTrackRoutes } from "../modules/child-track/routes.ts";
import { childWorkRoutes } from "../modules/child-work/routes.ts";
import { competenceRoutes } from "../modules/competence/routes.ts";
import { consentRoutes } from "../modules/consents/routes.ts";
import { consultationRoutes } from "../modules/consultations/routes.ts";
import { coordinatedPlanRoutes } from "../modules/coordinated-plans/routes.ts";
import { costRoutes } from "../modules/costs/routes.ts";
import { decisionRoutes } from "../modules/decisions/routes.ts";
import { disclosureRoutes } from "../modules/disclosures/routes.ts";
import { documentRoutes } from "../modules/documents/routes.ts";
import { identityProviderRoutes } from "../modules/identity-providers/routes.ts";
import { intakeRoutes } from "../modules/intake/routes.ts";
import { investigationRoutes } from "../modules/investigation/routes.ts";
import { journalRoutes } from "../modules/journal/routes.ts";
import { notificationRoutes } from "../modules/notifications/routes.ts";
import { outcomeRoutes } from "../modules/outcomes/routes.ts";
import { partnerContactRoutes } from "../modules/partner-contact/routes.ts";
import { personRoutes } from "../modules/persons/routes.ts";
import { placeRoutes } from "../modules/places/routes.ts";
import { planRoutes } from "../modules/plans/routes.ts";
import { policeAssessmentRoutes } from "../modules/police-assessments/routes.ts";
import { policeCollaborationRoutes } from "../modules/police-collaboration/routes.ts";
import { protectionRoutes } from "../modules/protection/routes.ts";
import { referralRoutes } from "../modules/referrals/routes.ts";
import { retentionRoutes } from "../modules/retention/routes.ts";
import { riskConferenceRoutes } from "../modules/risk-conferences/routes.ts";
import { routineRoutes } from "../modules/routines/routes.ts";
import { safetyPlanRoutes } from "../modules/safety-plans/routes.ts";
import { searchRoutes } from "../modules/search/routes.ts";
import { serviceContactRoutes } from "../modules/service-contacts/routes.ts";
import { shelterRoutes } from "../modules/shelter/routes.ts";
import { statisticsRoutes } from "../modules/statistics/routes.ts";
import { stayRoutes } from "../modules/stays/routes.ts";
import { surveyRoutes } from "../modules/surveys/routes.ts";
import { systemRoutes } from "../modules/system/routes.ts";
import { taskRoutes } from "../modules/tasks/routes.ts";
import { treatmentRoutes } from "../modules/treatment/routes.ts";
import { worklistRoutes } from "../modules/worklist/routes.ts";
import { yearlyReportOutputRoutes } from "../modules/yearly-report/output/routes-output.ts";
import { yearlyReportRoutes } from "../modules/yearly-report/routes.ts";
import { yearlyReport } from "../modules/yearly-report/service.ts";
import type { App, AppContext, RouteModule } from "./context.ts";
import "./request-context.ts";
import { handleError, handleFrameworkError } from "./errors.ts";
import { registerProxyWarning } from "./proxy-warning.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { validatorCompiler } from "./validation.ts";
import { registerWeb } from "./web.ts";

/** Every module's routes, in one list: the map of the API. */
const modules: RouteModule[] = [
  systemRoutes,
  authRoutes,
  sessionRoutes,
  webauthnRoutes,
  adminRoutes,
  identityProviderRoutes,
  accountImportRoutes,
  oidcRoutes,
  samlRoutes,
  personRoutes,
  caseRoutes,
  journalRoutes,
  intakeRoutes,
  childTrackRoutes,
  investigationRoutes,
  decisionRoutes,
  planRoutes,
  stayRoutes,
  taskRoutes,
  assessmentRoutes,
  outcomeRoutes,
  instrumentAdminRoutes,
  safetyPlanRoutes,
  coordinatedPlanRoutes,
  policeAssessmentRoutes,
  policeCollaborationRoutes,
  caseConsultationRoutes,
  riskConferenceRoutes,
  treatmentRoutes,
  childWorkRoutes,
  partnerContactRoutes,
  documentRoutes,
  consentRoutes,
  disclosureRoutes,
  statisticsRoutes,
  costRoutes,
  worklistRoutes,
  notificationRoutes,
  searchRoutes,
  auditReviewRoutes,
  breakGlassRoutes,
  shelterRoutes,
  placeRoutes,
  consultationRoutes,
  competenceRoutes,
  serviceContactRoutes,
  surveyRoutes,
  chatRoutes,
  referralRoutes,
  // Collaboration (issue 18): the agency directory and agreements.
  agencyRoutes,
  agreementRoutes,
  actionPlanRoutes,
  // Reveal with a reason and the protection officer (issue 19, items 2 and 3).
  protectionRoutes,
  // Gallring (issue 19, item 8).
  retentionRoutes,
  // The committee's yearly report (issue 20, item 4).
  yearlyReportRoutes,
  // …and as PDF, XLSX and a CSV per table, read and audited by the same reader.
  yearlyReportOutputRoutes(yearlyReport),
  // The routines register (issue 20, item 2).
  routineRoutes,
];

export interface BuildAppOptions extends AppContext {
  logger: Logger;
  /** Folder with the built web app (index.html), or null to serve the API only. */
  webRoot: string | null;
}

/**
 * Builds the HTTP app. It is returned before `ready()`, so a test can add a route of its
 * own (e.g. one that fails) before the first request.
 */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  installValidationMessages();
  const { config, logger } = options;
  const app: App = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Routes are exact: /api/health/ is not /api/health.
    routerOptions: { ignoreTrailingSlash: false },
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // A JSON API: plain text bodies are refused (415) rather than parsed into strings.
  app.removeContentTypeParser("text/plain");
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerProxyWarning(app, config);
  registerSecurityHeaders(app);
  registerAuthentication(app, options);
  registerDataAsOf(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Frid API",
        version: config.version,
        description:
          "Case management for work against violence in close relationships. Every error has the body ErrorBody.",
      },
      components: {},
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // The error body is part of the contract even though no route returns it on success.
  app.addSchema({ $id: "ErrorBody", ...ErrorBody.toJSONSchema?.() });

  for (const register of modules) await register(app, options);
  await registerWeb(app, options.webRoot);
  return app;
}
