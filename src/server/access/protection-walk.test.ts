import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atHour, stockholmDate } from "../../shared/calendar.ts";
import { createLogger } from "../log.ts";
import { digestRound } from "../modules/notifications/digest-job.ts";
import { smtpMailer } from "../modules/notifications/mailer.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import {
  type AuthorizationWorld,
  actors,
  buildAuthorizationWorld,
} from "../testing/authorization-world.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as } from "../testing/factories.ts";
import {
  leaksIn,
  type ProtectedPerson,
  protectedPartner,
  protectWorld,
  shownText,
  walkedRequest,
} from "../testing/protection-walk.ts";
import { messageText, startSmtpServer } from "../testing/smtp.ts";
import { type Endpoint, endpoints, otherRoutes } from "./authorization.routes.ts";

/**
 * Issue 19, item 1: protection everywhere. One world with a person of each protection level
 * (X's person under fingerade personuppgifter), her name, number and contact details
 * sentinels; every GET route of the OpenAPI document and every search is sent as every kind
 * of user — her assigned worker, her unit's manager, everyone else — and no answer (JSON,
 * CSV, the text of a PDF, the cells of a workbook, an error) may show:
 *  - any protected person's address, phone, e-mail, code word or letter address, except on
 *    the routes in `contactShown`;
 *  - the real name or number of a person with fingerade personuppgifter, except in her
 *    workspace (`workspace`).
 * A NEW GET ROUTE IS WALKED with the request its line in authorization.routes.ts gives it;
 * the coverage test below fails, naming the route, until it has one.
 */

/**
 * Routes that may show her contact details: none. Her person page masks them until a worker
 * reveals them with a reason (POST /api/persons/{id}/contact-reveal, a command the walk does
 * not send; persons/reveal.test.ts covers it).
 */
const contactShown = new Set<string>();

/**
 * Her workspace: the case page and her person page, for those who work her case. There her
 * Frid name stands (decision for issue 19: the worker must know whom she is helping);
 * every list, document, export and e-mail withholds it.
 */
const workspace = new Set(["GET /api/cases/{id}", "GET /api/persons/{id}"]);

/** The walked routes: every GET, and every POST that only reads (the searches). */
const walked = [...endpoints, ...otherRoutes].filter(
  (e) => e.route.startsWith("GET ") || e.read === true,
);

describe.each(testDatabaseKinds)("protection everywhere: the walk (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let world: AuthorizationWorld;
  let persons: ProtectedPerson[];
  let partner: Awaited<ReturnType<typeof protectedPartner>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    world = await buildAuthorizationWorld(t.app, database().owner);
    persons = await protectWorld(t.app, database().owner, world);
    partner = await protectedPartner(t.app, database().owner);
  }, 300_000); // the authorization world is large: minutes on a loaded machine
  afterAll(() => t?.close());

  async function walk(endpoint: Endpoint) {
    const leaks: string[] = [];
    let shown = 0;
    for (const actor of actors) {
      const req = walkedRequest(endpoint.request(world.w), world.sessions.get(actor)!);
      const res = await t.app.inject(req);
      if (res.statusCode < 300) shown++;
      const text = await shownText(res);
      const allowed = {
        contact: contactShown.has(endpoint.route),
        identity: workspace.has(endpoint.route),
      };
      for (const leak of leaksIn(text, persons, allowed))
        leaks.push(`${endpoint.route} as ${actor} (${res.statusCode}): ${leak}`);
    }
    return { leaks, shown };
  }

  it("shows no protected contact detail and no fictitious identity outside her workspace", async () => {
    const leaks: string[] = [];
    const unanswered: string[] = [];
    for (const endpoint of walked) {
      const result = await walk(endpoint);
      leaks.push(...result.leaks);
      if (result.shown === 0) unanswered.push(endpoint.route);
    }
    expect(leaks, leaks.join("\n")).toEqual([]);
    // Most routes answer someone: a walk of refusals alone would prove nothing.
    expect(walked.length - unanswered.length, unanswered.join("\n")).toBeGreaterThan(
      walked.length * 0.8,
    );
  }, 600_000);

  it("can fail: her workspace shows her identity, a reveal with a reason her details", async () => {
    const assigned = world.sessions.get("assigned")!;
    const caseRead = await t.app.inject({
      method: "GET",
      url: `/api/cases/${world.w.caseId}`,
      headers: as(assigned),
    });
    const x = persons.find((p) => p.level === "fictitious_identity")!;
    expect(leaksIn(await shownText(caseRead), [x], { contact: true, identity: false })).not.toEqual(
      [],
    );
    const revealed = await t.app.inject({
      method: "POST",
      url: `/api/persons/${world.w.personId}/contact-reveal`,
      headers: as(assigned),
      payload: { reasonText: "Sända beslut via Skatteverket." },
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(leaksIn(await shownText(revealed), [x], { contact: false, identity: true })).not.toEqual(
      [],
    );
  });

  it("sends her partner-contact letter and text nothing protected without a reveal", async () => {
    // The world's case X is no partner case (those routes answer it 400): her own case is
    // walked here, at each level, as her worker, the team's manager, his therapist, another.
    const leaks: string[] = [];
    const get = (path: string, session: Parameters<typeof as>[0]) =>
      t.app.inject({
        method: "GET",
        url: `/api/cases/${partner.caseId}/partner-contact${path}`,
        headers: as(session),
      });
    const levels = ["confidentiality_marking", "protected_registration", "fictitious_identity"];
    for (const level of levels as ProtectedPerson["level"][]) {
      await database()
        .owner.updateTable("person")
        .set({ protection_level: level })
        .where("id", "=", partner.personId)
        .execute();
      for (const path of ["", "/letter", "/sms"])
        for (const [who, session] of Object.entries(partner.sessions)) {
          const res = await get(path, session);
          const nothing = { contact: false, identity: false };
          for (const leak of leaksIn(await shownText(res), [partner.person(level)], nothing))
            leaks.push(`${path || "/"} at ${level} as ${who} (${res.statusCode}): ${leak}`);
        }
    }
    expect(leaks, leaks.join("\n")).toEqual([]);
    // Can fail: once her worker reveals her with a reason, the text shows her number.
    const revealed = await t.app.inject({
      method: "POST",
      url: `/api/persons/${partner.personId}/contact-reveal`,
      headers: as(partner.sessions.herWorker),
      payload: { reasonCode: "safety_contact" },
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    const sms = await get("/sms", partner.sessions.herWorker);
    const shown = leaksIn(await shownText(sms), [partner.person("fictitious_identity")], {
      contact: false,
      identity: false,
    });
    expect(shown).not.toEqual([]);
    // …and under fingerade personuppgifter still not her name.
    expect(
      leaksIn(sms.body, [partner.person("fictitious_identity")], {
        contact: true,
        identity: false,
      }),
    ).toEqual([]);
  });

  it("walks every GET route of the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.entries(doc.paths).flatMap(([path, methods]) =>
      "get" in methods ? [`GET ${path}`] : [],
    );
    const routes = new Set(walked.map((e) => e.route));
    // The public routes name no person (health, app info, a survey link, the chat's units).
    const publicGets = new Set([
      "GET /api/health",
      "GET /api/app-info",
      "GET /api/openapi.json",
      "GET /api/survey-links/{token}",
      "GET /api/chat/public/units",
      // Logging in through the identity provider: providers' and organisations' names only.
      "GET /api/auth/identity-providers",
      "GET /api/auth/oidc/{providerId}/start",
      "GET /api/auth/oidc/callback",
      // Through a SAML provider: a redirect, and Frid's own SP metadata.
      "GET /api/auth/saml/{providerId}/start",
      "GET /api/auth/saml/{providerId}/metadata",
      // The IdP's signed single logout message (auth/saml/logout.ts): names no one.
      "GET /api/auth/saml/{providerId}/slo",
    ]);
    const missing = gets.filter((r) => !routes.has(r) && !publicGets.has(r));
    expect(missing, `GET routes the walk does not send: ${missing.join(", ")}`).toEqual([]);
  });

  it("names nobody in the e-mail digest", async () => {
    const smtp = await startSmtpServer();
    const publicUrl = "https://frid.exempel.se/";
    try {
      for (const actor of ["assigned", "manager"] as const) {
        const res = await t.app.inject({
          method: "PUT",
          url: "/api/notifications/settings",
          headers: as(world.sessions.get(actor)!),
          payload: { digest: true, email: `${actor}@exempel.se` },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const mailer = smtpMailer({ smtpUrl: smtp.url, from: "Frid <frid@exempel.se>", publicUrl });
      const noon = atHour(stockholmDate(new Date()), 12);
      const logger = createLogger("silent");
      await digestRound(database(), { mailer, publicUrl, logger }, noon);
      expect(smtp.received.length, "a digest was sent").toBeGreaterThan(0);
      for (const m of smtp.received) {
        const everything = { contact: false, identity: false };
        expect(leaksIn(messageText(m.raw), persons, everything)).toEqual([]);
      }
    } finally {
      await smtp.close();
    }
  });
});
