import { spawn } from "node:child_process";
import { projectRoot } from "../src/server/paths.ts";
import { ensureServerBuild, serverEntry, serverNodeFlags } from "./server-build.ts";
import { webBuildIsCurrent } from "./web-build.ts";

/**
 * `npm start`: build the web app when it is missing or stale, bundle the server when its
 * sources changed, then run the server as plain JavaScript in a process of its own.
 * Both builds stay out of the server's memory: Vite and its bundler peak well over a
 * gigabyte, and memory a process has taken is never given back; tsx's loader would hold
 * another ~80 MB for the server's whole life (scripts/server-build.ts).
 */
async function buildWebInChild(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/web-build.ts"], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) {
    process.stderr.write("\nFrid could not start: building the web app failed (see above).\n\n");
    process.exit(1);
  }
}

/** The server in its own process; this one only passes signals on and exits as it does. */
function runServer() {
  const server = spawn(process.execPath, [...serverNodeFlags, serverEntry], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.once("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (webBuildIsCurrent()) process.stdout.write("Web app: dist/web is up to date\n");
else await buildWebInChild();
if ((await ensureServerBuild()) === "current") {
  process.stdout.write("Server: dist/server is up to date\n");
}
(await import("esbuild")).stop();
runServer();
