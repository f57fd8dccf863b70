import { ensureWebBuild } from "./web-build.ts";

// `npm start`: build the web app when it is missing or stale, then run the server.
await ensureWebBuild();
await import("../src/server/main.ts");
