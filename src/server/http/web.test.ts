import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../../scripts/precompress.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../log.ts";
import { useTestDatabase } from "../testing/databases.ts";
import { buildApp } from "./app.ts";
import type { App } from "./context.ts";

/**
 * The built web app as a browser gets it: compressed copies made at build time, hashed
 * assets cached for a year, index.html revalidated every time, the security headers on all.
 */
describe("serving the built web app", () => {
  const database = useTestDatabase("pglite");
  let webRoot: string;
  let app: App;
  const script = `export const greeting = ${JSON.stringify("Hej från Frid. ".repeat(500))};\n`;
  const html = `<!doctype html><html lang="sv"><body>${"<p>Frid</p>".repeat(200)}</body></html>`;

  beforeAll(() => {
    webRoot = mkdtempSync(join(tmpdir(), "frid-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "assets/index-Ab12Cd34.js"), script);
    writeFileSync(join(webRoot, "index.html"), html);
    precompressDir(webRoot);
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));
  afterEach(() => app?.close());

  async function webApp() {
    app = await buildApp({
      config: loadConfig({ FRID_DEMO: "true", LOG_LEVEL: "silent" }),
      database: database(),
      logger: createLogger("silent"),
      webRoot,
    });
    return app;
  }

  function expectSecurityHeaders(headers: Record<string, unknown>) {
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
  }

  it("sends a hashed asset brotli- or gzip-compressed as the browser accepts, cached as immutable", async () => {
    const server = await webApp();
    const url = "/assets/index-Ab12Cd34.js";
    const br = await server.inject({ url, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expectSecurityHeaders(br.headers);

    const gz = await server.inject({ url, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    expect(gz.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const plain = await server.inject({ url, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("sends index.html compressed and to be revalidated, also as the answer to a page route", async () => {
    const server = await webApp();
    for (const url of ["/", "/persons/search"]) {
      const res = await server.inject({
        url,
        headers: { accept: "text/html", "accept-encoding": "br, gzip" },
      });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expectSecurityHeaders(res.headers);
    }
  });

  it("still answers an unknown asset with 404, not the page", async () => {
    const server = await webApp();
    const res = await server.inject({
      url: "/assets/index-gone.js",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
