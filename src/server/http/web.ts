import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { App } from "./context.ts";
import { AppError } from "./errors.ts";

/**
 * Serves the built single-page app, and index.html for any other GET a browser makes, so a
 * reload on /persons/search works. API paths never fall back to HTML. How long each answer
 * may be cached (hashed assets a year, index.html never without asking) is set with the
 * security headers (security-headers.ts).
 */
export async function registerWeb(app: App, webRoot: string | null) {
  const hasBuild = webRoot !== null && existsSync(join(webRoot, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: "/",
      index: "index.html",
      wildcard: true,
      // The build writes gzip and brotli copies beside each file (scripts/precompress.ts):
      // compressed once at build time, sent as they are, nothing compressed per request.
      preCompressed: true,
      // A cache between Frid and the browser must keep the encodings apart.
      setHeaders: (res) => res.setHeader("vary", "accept-encoding"),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const wantsPage =
      (request.method === "GET" || request.method === "HEAD") &&
      !path.startsWith("/api/") &&
      path !== "/api" &&
      (request.headers.accept ?? "").includes("text/html");
    if (!wantsPage) throw new AppError(404, "not_found", "Det som efterfrågades finns inte.");
    if (!hasBuild) {
      throw new AppError(503, "unavailable", "Webbgränssnittet är inte byggt. Kör npm run build.");
    }
    return reply.type("text/html; charset=utf-8").sendFile("index.html");
  });
}
