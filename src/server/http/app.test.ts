import { Validator } from "@seriousme/openapi-schema-validator";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";

const uuid = /^[0-9a-f-]{36}$/;

describe.each(testDatabaseKinds)("HTTP conventions (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  afterEach(() => t?.close());

  /** A route of the test's own, to exercise validation the way every module's routes are. */
  async function appWithProbe(env = {}) {
    t = await buildTestApp(database(), env);
    t.app.post(
      "/api/test/probe",
      {
        config: { public: true },
        schema: {
          body: z
            .object({
              givenName: z.string().min(1).max(50),
              age: z.number().int().min(0),
              address: z.object({ city: z.string().min(2) }),
            })
            .strict(),
          response: { 200: z.object({ ok: z.boolean() }) },
        },
      },
      async () => ({ ok: true }),
    );
    t.app.get("/api/test/teapot", { config: { public: true } }, async () => {
      throw Object.assign(new Error("I'm a teapot"), { statusCode: 418 });
    });
    t.app.get("/api/test/boom", { config: { public: true } }, async () => {
      throw new Error("database password=hunter2 at 19121212-1212");
    });
    return t.app;
  }

  it("answers invalid input with 400 and a message per field a person understands", async () => {
    const app = await appWithProbe();
    const res = await app.inject({
      method: "POST",
      url: "/api/test/probe",
      payload: { givenName: "", age: 1.5, address: { city: "" }, shoeSize: 42 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("Några uppgifter behöver rättas.");
    expect(body.error.fields).toEqual({
      givenName: "Fältet får inte vara tomt.",
      age: "Ange ett heltal.",
      "address.city": "Måste vara minst 2 tecken.",
      shoeSize: "Okänt fält.",
    });
    expect(body.error.requestId).toMatch(uuid);
  });

  it("says a missing field is required", async () => {
    const app = await appWithProbe();
    const res = await app.inject({
      method: "POST",
      url: "/api/test/probe",
      payload: { givenName: "Anna" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      age: "Fältet är obligatoriskt.",
      address: "Fältet är obligatoriskt.",
    });
  });

  it("answers malformed JSON with 400 and no parser text", async () => {
    const app = await appWithProbe();
    const res = await app.inject({
      method: "POST",
      url: "/api/test/probe",
      headers: { "content-type": "application/json" },
      payload: '{"givenName": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: "bad_request",
        message: "Begäran är felaktig och kunde inte läsas.",
        fields: {},
        requestId: expect.stringMatching(uuid),
      },
    });
  });

  it("answers a body that is not JSON with 415", async () => {
    const app = await appWithProbe();
    const res = await app.inject({
      method: "POST",
      url: "/api/test/probe",
      headers: { "content-type": "text/plain" },
      payload: "hej",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("unsupported_media_type");
  });

  it("answers an oversized body with 413", async () => {
    const app = await appWithProbe({ FRID_BODY_LIMIT_BYTES: "2048" });
    const res = await app.inject({
      method: "POST",
      url: "/api/test/probe",
      payload: { givenName: "x".repeat(5000), age: 1, address: { city: "Ort" } },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "payload_too_large",
      message: "Innehållet är för stort.",
    });
  });

  it("answers a client error it has no words for with its status and the general message, not 500", async () => {
    const app = await appWithProbe();
    const res = await app.inject({ method: "GET", url: "/api/test/teapot" });
    expect(res.statusCode).toBe(418);
    expect(res.json().error).toMatchObject({
      code: "bad_request",
      message: "Begäran är felaktig och kunde inte läsas.",
    });
    expect(res.body).not.toContain("teapot");
  });

  it("requires a login for every route not marked public (deny by default)", async () => {
    const app = await appWithProbe();
    app.get("/api/test/private", async () => ({ secret: true }));
    const res = await app.inject({ method: "GET", url: "/api/test/private" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("answers unknown API routes with 404 JSON, for any method", async () => {
    const app = await appWithProbe();
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await app.inject({
        method,
        url: "/api/no-such-thing",
        headers: { accept: "text/html" },
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.json().error).toMatchObject({ code: "not_found", fields: {} });
    }
  });

  it("answers an unexpected error with 500, a request id that is in the log, and nothing of the error", async () => {
    const app = await appWithProbe();
    const res = await app.inject({ method: "GET", url: "/api/test/boom" });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe("internal_error");
    expect(res.body).not.toMatch(/hunter2|19121212|password|Error:/);
    expect(res.headers["x-request-id"]).toBe(body.error.requestId);
    const logged = t.logs().find((l) => l.reqId === body.error.requestId && l.level === 50);
    expect(logged?.msg).toBe("unexpected error");
    expect(t.logText()).not.toContain("19121212-1212");
  });

  it("puts the security headers on every response, and no-store on the API", async () => {
    const app = await appWithProbe();
    for (const url of ["/api/health", "/api/no-such-thing", "/api/test/boom"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas, which a validator accepts", async () => {
    t = await buildTestApp(database());
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/health"].get.responses["200"]).toBeDefined();
    expect(doc.paths["/api/app-info"]).toBeDefined();
    expect(doc.paths["/api/openapi.json"]).toBeUndefined();
    // A client branches on the error's code: the document lists every one.
    expect(doc.components.schemas.ErrorBody.properties.error.properties.code.enum).toEqual(
      expect.arrayContaining(["conflict", "stale_version", "case_not_closed"]),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
