import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "./context.ts";

/**
 * The two fixed <style> elements React Aria (the date field, ADR 0013) puts into the page:
 * `touch-action` for everything pressable (usePress) and `overscroll-behavior` while a
 * popover holds the scroll on touch devices (usePreventScroll). Allowed by their hashes
 * only, never 'unsafe-inline'; security-headers.test.ts computes them from the installed
 * library, so an upgrade that changes the text fails there, not silently in the browser.
 */
export const reactAriaStyleHashes = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='",
] as const;

/**
 * A strict policy: scripts and styles only from Frid's own origin (the web build has no
 * inline code; the only inline styles are React Aria's two, by hash), never framed, no
 * referrer, nothing from the API cached anywhere.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${reactAriaStyleHashes.join(" ")}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const always: Record<string, string> = {
  "content-security-policy": contentSecurityPolicy,
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  // Ignored by browsers over plain http; in force as soon as Frid is served over TLS.
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

/** The headers every answer carries, and how long it may be cached (never, for the API). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply) {
  reply.headers(always);
  const path = request.url.split("?")[0] ?? "";
  if (path.startsWith("/api/") || path === "/api") {
    reply.header("cache-control", "no-store");
  } else if (path.startsWith("/assets/")) {
    // Vite names assets by content hash: a changed file is a new URL.
    reply.header("cache-control", "public, max-age=31536000, immutable");
  } else {
    reply.header("cache-control", "no-cache");
  }
}

export function registerSecurityHeaders(app: App) {
  app.addHook("onSend", async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    return payload;
  });
}
