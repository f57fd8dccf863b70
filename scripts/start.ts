import { spawn } from "node:child_process";
import { projectRoot } from "../src/server/paths.ts";
import { webBuildIsCurrent } from "./web-build.ts";

/**
 * `npm start`: build the web app when it is missing or stale, then run the server.
 * The build runs as a child process: Vite and its bundler peak well over a gigabyte, and
 * memory a process has taken is never given back, so the server would carry it for its
 * whole life. The server itself (src/server/main.ts) never loads Vite.
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

if (webBuildIsCurrent()) process.stdout.write("Web app: dist/web is up to date\n");
else await buildWebInChild();
await import("../src/server/main.ts");
