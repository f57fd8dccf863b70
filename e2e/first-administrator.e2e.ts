import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { totp } from "../src/server/auth/totp.ts";
import { testKekEnv } from "../src/server/testing/kek.ts";
import { printedPassword, runAdminCreate } from "./fixtures/admin-create.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { type RunningServer, startServer } from "./fixtures/server.ts";

/*
 * A production installation of its own (not the shared demo server): npm run admin:create
 * on an empty embedded database, then the administrator's first login in the browser —
 * one-time password, authenticator app, a password of their own.
 */
describe("the first administrator of a production installation", () => {
  const browser = useBrowser();
  const dataDir = mkdtempSync(join(tmpdir(), "frid-e2e-first-admin-"));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("logs in with the one-time password, sets up the app and chooses a password", async () => {
    const env = {
      NODE_ENV: "production",
      FRID_SESSION_SECRET: randomBytes(48).toString("base64"),
      FRID_DATA_DIR: dataDir,
      ...testKekEnv,
    };
    const created = runAdminCreate(env, "--username", "forvaltare", "--org", "Provkommun");
    expect(created.status, created.stderr).toBe(0);
    const oneTime = printedPassword(created.stdout);
    server = await startServer(env);
    const { page, problems } = browser();

    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await page.getByLabel("Användarnamn").fill("forvaltare");
    await page.getByLabel("Lösenord").fill(oneTime);
    await page.getByRole("button", { name: "Logga in" }).click();
    // Waits as long as a busy machine needs: the server has just started and migrated.
    const slow = { timeout: 60_000 };
    await page
      .getByRole("heading", { level: 1, name: "Ställ in tvåstegsverifiering" })
      .waitFor(slow);
    const shown = await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent();
    const secret = (shown ?? "").replace(/\s/g, "");
    await page.getByLabel("Engångskod").fill(totp(secret));
    await page.getByRole("button", { name: "Aktivera och logga in" }).click();

    await page.getByRole("heading", { level: 1, name: "Välj ett eget lösenord" }).waitFor(slow);
    expect(await page.getByRole("navigation").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    const own = "förvaltarens eget långa lösenord";
    await page.getByLabel("Engångslösenord").fill("inte det");
    await page.getByLabel("Nytt lösenord").fill(own);
    await page.getByLabel("Upprepa det nya lösenordet").fill(own);
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.getByRole("alert").waitFor(slow);
    expect(await page.getByLabel("Engångslösenord").getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Engångslösenord").fill(oneTime);
    await page.getByLabel("Nytt lösenord").fill(own);
    await page.getByLabel("Upprepa det nya lösenordet").fill(own);
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.getByRole("button", { name: "Logga ut" }).waitFor(slow);
    expect(await page.getByRole("banner").textContent()).toContain("Systemförvaltare");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
    // Generous: a command and a server start on a fresh database come before the browser.
  }, 240_000);
});
