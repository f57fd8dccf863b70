import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/precompress.ts";

// The web app lives in src/web and is built into dist/web, which the server serves
// as static files under a strict CSP (script-src 'self'; style-src 'self').
export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  // precompress: gzip and brotli copies beside each file, served as they are (docs/adr/0006).
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be the only script not loaded from a file; every browser we
    // support has native modulepreload, so it is not needed.
    modulePreload: { polyfill: false },
  },
  server: {
    // In development the API runs as a separate process; the browser still sees one origin,
    // so cookies and CSRF behave as in production.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
