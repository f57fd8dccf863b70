import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../e2e/fixtures/server.ts";
import { projectRoot } from "../src/server/paths.ts";
import { ensureWebBuild } from "./web-build.ts";

/**
 * Looks at what we build: starts Frid on a fresh demo database and saves a screenshot of
 * each page, wide and narrow, to test-results/screenshots/. Usage:
 *   npx tsx scripts/screenshots.ts [/path ...]
 */
const paths =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ["/", "/persons/search", "/admin", "/missing"];
const outDir = join(projectRoot, "test-results", "screenshots");
mkdirSync(outDir, { recursive: true });

await ensureWebBuild();
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
  ],
});
try {
  for (const [label, width] of [
    ["wide", 1280],
    ["narrow", 375],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, locale: "sv-SE" });
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState("networkidle");
      const file = join(
        outDir,
        `${path.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "start"}-${label}.png`,
      );
      await page.screenshot({ path: file, fullPage: true });
      process.stdout.write(`${file}\n`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
