import { chromium } from "playwright-core";
import { startServer } from "../e2e/fixtures/server.ts";
import { login } from "../e2e/fixtures/login.ts";
import { ensureWebBuild } from "./web-build.ts";
await ensureWebBuild();
const server = await startServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  for (const [user, paths] of [["enhetschef", ["/yearly-report", "/routines"]], ["analytiker", ["/yearly-report"]]] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    await login(page, server.url, user);
    for (const p of paths) {
      await page.goto(`${server.url}${p}`);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1500);
      const f = `/work/shots/h20-${user}${p.replace(/\W+/g, "-")}.png`;
      for (const y of [0, 1300, 2600, 3900]) {
        await page.screenshot({ path: f.replace(".png", `-${y}.png`), fullPage: true, clip: { x: 0, y, width: 1280, height: 1300 } }).catch(() => {});
      }
      console.log(f);
    }
    await page.close();
  }
} finally { await browser.close(); await server.stop(); }
