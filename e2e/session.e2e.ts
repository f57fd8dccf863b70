import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totp } from "../src/server/auth/totp.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { demoPassword, heading, login } from "./fixtures/login.ts";
import { hasFocus, statusText } from "./fixtures/page.ts";
import { type RunningServer, startServer } from "./fixtures/server.ts";

/*
 * Typed work is never lost to an expired session (issue 11, §8). This file runs a server of
 * its own whose sessions end after 45 seconds without activity, so the journeys can watch a
 * session run out: the warning before the end, the way to continue, the login dialog that
 * covers the page when the session has ended, and a save that met 401 being sent once the
 * same user has logged in again. The case is the demo case of Anna Andersson (handlaggare1,
 * in Utredning) on this file's own database. Waits are for what the page shows, never for a
 * fixed time: the session's end is the server's clock, and a busy machine only makes it later.
 */

const idleMinutes = "0.75";
/** Longer than the idle limit and the warning together, however busy the machine. */
const untilTheEnd = { timeout: 120_000 };
const journeyTimeout = 300_000;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ FRID_SESSION_IDLE_MINUTES: idleMinutes });
}, 120_000);
afterAll(() => server?.stop());

/** About as much as the caseworker in the report had written: 1,440 characters. */
const investigationText = "Anna berättar om kontroll och hot i hemmet under flera år. "
  .repeat(25)
  .slice(0, 1000);
const journalText = "Samtal med Anna om skyddat boende och kontakten med polisen. "
  .repeat(8)
  .slice(0, 440);

async function openAnnasCase(page: Page, username = "handlaggare1") {
  await login(page, server.url, username);
  const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
  await mine.getByRole("row").filter({ hasText: "Anna Andersson" }).getByRole("link").click();
  await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
  // The journal's section, with its form for a new entry opened.
  await openSection(page, "Journal");
  const journal = page.getByRole("region", { name: "Journal" });
  await journal.getByRole("button", { name: "Ny anteckning" }).click();
  return {
    investigation: page.getByRole("form", { name: "Skriv utredningen" }),
    journal,
    journalForm: journal.getByRole("form", { name: "Ny anteckning" }),
  };
}

/** Logs out in another tab of the same browser: the session ends behind this page's back. */
async function logOutInAnotherTab(page: Page) {
  const other = await page.context().newPage();
  await other.goto(`${server.url}/`);
  await other.getByRole("button", { name: "Logga ut" }).click();
  await other.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await other.close();
}

/** What web storage holds besides the language choice: nothing typed may be kept there. */
async function storedKeys(page: Page) {
  return page.evaluate(() => ({
    local: Object.keys(localStorage).filter((k) => k !== "frid.lang"),
    session: Object.keys(sessionStorage),
  }));
}

/**
 * A caseworker of this file's own with two-step verification, made by the demo administrator
 * and set up through the API (the UI of both is account.e2e.ts's); signed out afterwards.
 * `codes` hands out one-time codes never used before, as a server refusing replays wants.
 */
async function caseworkerWithMfa(page: Page) {
  const user = { username: `session.mfa.${Date.now()}`, displayName: "Robin Kodsson" };
  const password = "ett eget långt lösenord";
  const url = (path: string) => `${server.url}${path}`;
  await login(page, server.url, "admin");
  const token = async () =>
    ((await (await page.request.get(url("/api/me"))).json()) as { csrfToken: string }).csrfToken;
  let headers = { "x-csrf-token": await token() };
  const { units } = (await (await page.request.get(url("/api/admin/units"))).json()) as {
    units: { id: string; name: string }[];
  };
  const created = await page.request.post(url("/api/admin/users"), {
    data: { ...user, password },
    headers,
  });
  const { id } = (await created.json()) as { id: string };
  const unitId = units.find((u) => u.name === "IFO Vuxen")?.id;
  const role = await page.request.post(url(`/api/admin/users/${id}/roles`), {
    data: { unitId, role: "caseworker" },
    headers,
  });
  expect(role.ok()).toBe(true);
  await page.getByRole("button", { name: "Logga ut" }).click();

  const first = await page.request.post(url("/api/auth/login"), {
    data: { username: user.username, password },
  });
  headers = { "x-csrf-token": ((await first.json()) as { csrfToken: string }).csrfToken };
  const enrolment = await page.request.post(url("/api/auth/mfa/enrolment"), { headers });
  const { secret } = (await enrolment.json()) as { secret: string };
  const used = new Set<string>();
  const codes = async () => {
    // The next 30-second step's code is accepted now; wait for a step not used yet.
    const next = () => totp(secret, new Date(Date.now() + 30_000));
    await expect.poll(() => used.has(next()), { timeout: 60_000 }).toBe(false);
    const code = next();
    used.add(code);
    return code;
  };
  const enrolled = await page.request.post(url("/api/auth/mfa"), {
    data: { code: await codes() },
    headers,
  });
  expect(enrolled.ok()).toBe(true);
  headers = { "x-csrf-token": ((await enrolled.json()) as { csrfToken: string }).csrfToken };
  expect((await page.request.post(url("/api/auth/logout"), { headers })).status()).toBe(204);
  return { ...user, password, codes };
}

const warningOf = (page: Page) => page.getByRole("alert").filter({ hasText: "loggas ut kl." });
const loginDialog = (page: Page) => page.getByRole("dialog", { name: "Logga in igen" });

describe("a session that runs out never takes typed work with it", () => {
  const browser = useBrowser();

  it(
    "warns before the session ends; Fortsätt arbeta and typing both keep it",
    async () => {
      const { page, problems } = browser();
      const { journalForm } = await openAnnasCase(page);
      const warning = warningOf(page);
      await warning.waitFor(untilTheEnd);
      expect(await warning.textContent()).toMatch(/loggas ut kl\. \d{2}:\d{2}/);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: "/tmp/session-warning.png" });

      const kept = page.waitForResponse((r) => r.url().endsWith("/api/auth/heartbeat"));
      await warning.getByRole("button", { name: "Fortsätt arbeta" }).click();
      expect((await kept).status()).toBe(200);
      await warning.waitFor({ state: "hidden" });

      // The session went on past where it would have ended: the next warning comes a whole
      // idle period after the click, and no login dialog came in between.
      await warning.waitFor(untilTheEnd);
      expect(await loginDialog(page).count()).toBe(0);

      // Typing is activity: a key in the journal's text puts the end off as well.
      const typed = page.waitForResponse((r) => r.url().endsWith("/api/auth/heartbeat"));
      await journalForm.getByLabel("Text").pressSequentially("Anna");
      expect((await typed).status()).toBe(200);
      await warning.waitFor({ state: "hidden" });
      expect(await loginDialog(page).count()).toBe(0);
      expect(problems).toEqual([]);
    },
    journeyTimeout,
  );

  it(
    "when the session has ended, a login dialog covers the page; after logging in the typed text is there and is saved",
    async () => {
      const { page, problems } = browser();
      const { investigation, journalForm, journal } = await openAnnasCase(page);
      // Two sections, a text typed in each: both are kept while the other is shown.
      await openSection(page, "Utredning");
      const acuteNeeds = investigation.getByLabel("Akuta behov");
      await acuteNeeds.fill(investigationText);
      await openSection(page, "Journal");
      await journalForm.getByLabel("Typ av anteckning").selectOption({ label: "Samtal" });
      await journalForm.getByLabel("Text").fill(journalText);
      expect(await storedKeys(page)).toEqual({ local: [], session: [] });

      // Nobody touches the page: the session ends, and the dialog is there on its own.
      const dialog = loginDialog(page);
      await dialog.waitFor(untilTheEnd);
      expect(await dialog.getByLabel("Användarnamn").inputValue()).toBe("handlaggare1");
      await expect.poll(() => hasFocus(dialog.getByLabel("Lösenord"))).toBe(true);
      // The page behind is covered (someone passing the screen sees only the dialog).
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: "/tmp/session-dialog.png" });

      // A wrong password is said in the dialog, which stays.
      await dialog.getByLabel("Lösenord").fill("fel lösenord");
      await dialog.getByRole("button", { name: "Logga in" }).click();
      await dialog.getByText("Fel användarnamn eller lösenord.").waitFor();
      expect(await dialog.getByLabel("Lösenord").inputValue()).toBe("");
      await expectNoSeriousA11yViolations(page);

      await dialog.getByLabel("Lösenord").fill(demoPassword);
      await dialog.getByRole("button", { name: "Logga in" }).click();
      await dialog.waitFor({ state: "hidden" });
      expect(await journalForm.getByLabel("Text").inputValue()).toBe(journalText);
      await journalForm.getByRole("button", { name: "Spara utkast" }).click();
      await expect.poll(() => statusText(page)).toContain("Utkastet är sparat.");
      await openSection(page, "Utredning");
      expect(await acuteNeeds.inputValue()).toBe(investigationText);
      await investigation.getByRole("button", { name: "Spara", exact: true }).click();
      await expect.poll(() => statusText(page)).toContain("Utredningen är sparad.");

      // Saved on the server: a fresh page shows both.
      await page.reload();
      await expect
        .poll(() => investigation.getByLabel("Akuta behov").inputValue())
        .toBe(investigationText);
      await openSection(page, "Journal");
      await journal.getByText(journalText.slice(0, 60)).waitFor();
      expect(await storedKeys(page)).toEqual({ local: [], session: [] });
      expect(problems).toEqual([]);
    },
    journeyTimeout,
  );

  it(
    "a save that meets an ended session waits for the login in the dialog and is then sent, with the new session's token",
    async () => {
      const { page, problems } = browser();
      const { journalForm, journal } = await openAnnasCase(page);
      const text = `Andra samtalet: ${journalText}`;
      await journalForm.getByLabel("Typ av anteckning").selectOption({ label: "Samtal" });
      await journalForm.getByLabel("Text").fill(text);
      await logOutInAnotherTab(page);

      const refused = page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().endsWith("/journal"),
      );
      await journalForm.getByRole("button", { name: "Spara utkast" }).click();
      expect((await refused).status()).toBe(401);
      const dialog = loginDialog(page);
      await dialog.waitFor();
      await expectNoSeriousA11yViolations(page);

      const sent = page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().endsWith("/journal"),
      );
      await dialog.getByLabel("Lösenord").fill(demoPassword);
      await dialog.getByRole("button", { name: "Logga in" }).click();
      const again = await sent;
      expect(again.status()).toBe(201);
      expect(again.request().postDataJSON()).toMatchObject({ body: text });
      expect(again.request().headers()["x-csrf-token"]).not.toBe(
        (await refused).request().headers()["x-csrf-token"],
      );
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => statusText(page)).toContain("Utkastet är sparat.");
      await journal.getByText(text.slice(0, 60)).waitFor();
      expect(problems).toEqual([]);
    },
    journeyTimeout,
  );

  it(
    "someone else logging in in the dialog gets their own start page: the first user's text is neither sent nor shown",
    async () => {
      const { page, problems, newPage } = browser();
      const { journalForm } = await openAnnasCase(page);
      const text = "Ett utkast som Maja aldrig får se.";
      await journalForm.getByLabel("Typ av anteckning").selectOption({ label: "Samtal" });
      await journalForm.getByLabel("Text").fill(text);
      await logOutInAnotherTab(page);

      const posts: number[] = [];
      page.on("response", (r) => {
        if (r.request().method() === "POST" && r.url().endsWith("/journal")) posts.push(r.status());
      });
      await journalForm.getByRole("button", { name: "Spara utkast" }).click();
      const dialog = loginDialog(page);
      await dialog.waitFor();
      await dialog.getByLabel("Användarnamn").fill("handlaggare2");
      await dialog.getByLabel("Lösenord").fill(demoPassword);
      await dialog.getByRole("button", { name: "Logga in" }).click();

      await expect.poll(() => heading(page)).toBe("Mina ärenden");
      expect(new URL(page.url()).pathname).toBe("/");
      expect(await page.getByText(text).count()).toBe(0);
      expect(posts).toEqual([401]);

      // Nothing was saved, neither as Lina nor as her colleague.
      const lina = await newPage();
      const { journal } = await openAnnasCase(lina);
      await journal
        .getByRole("list", { name: "Journalanteckningar, senaste händelse först" })
        .waitFor();
      expect(await journal.getByText(text).count()).toBe(0);
      expect(problems).toEqual([]);
    },
    journeyTimeout,
  );

  it(
    "with two-step verification the dialog asks for the one-time code too, and then sends the save",
    async () => {
      const { page, problems } = browser();
      const robin = await caseworkerWithMfa(page);
      await page.goto(`${server.url}/account`);
      await page.getByLabel("Användarnamn").fill(robin.username);
      await page.getByLabel("Lösenord").fill(robin.password);
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.getByLabel("Engångskod").fill(await robin.codes());
      await page.getByRole("button", { name: "Fortsätt" }).click();
      await expect.poll(() => heading(page)).toBe("Mitt konto");

      const newPassword = "ett nytt och lika långt lösenord";
      const form = page.getByRole("form", { name: "Byt lösenord" });
      await form.getByLabel("Nuvarande lösenord").fill(robin.password);
      await form.getByLabel("Nytt lösenord").fill(newPassword);
      await form.getByLabel("Upprepa det nya lösenordet").fill(newPassword);
      await logOutInAnotherTab(page);
      await form.getByRole("button", { name: "Byt lösenord" }).click();

      const dialog = loginDialog(page);
      await dialog.waitFor();
      expect(await dialog.getByLabel("Användarnamn").inputValue()).toBe(robin.username);
      await dialog.getByLabel("Lösenord").fill(robin.password);
      await dialog.getByRole("button", { name: "Logga in" }).click();
      const code = dialog.getByLabel("Engångskod");
      await code.waitFor();
      await expect.poll(() => hasFocus(code)).toBe(true);
      await expectNoSeriousA11yViolations(page);
      await code.fill(await robin.codes());
      await dialog.getByRole("button", { name: "Fortsätt" }).click();

      await dialog.waitFor({ state: "hidden" });
      await page.getByRole("status").filter({ hasText: "Lösenordet är bytt." }).waitFor();
      expect(problems).toEqual([]);
    },
    journeyTimeout,
  );

  it(
    "Logga ut in the dialog ends it there: the login page, and the unsaved text is gone",
    async () => {
      const { page, problems } = browser();
      const { journalForm } = await openAnnasCase(page);
      const text = "Ett utkast som aldrig sparas.";
      await journalForm.getByLabel("Typ av anteckning").selectOption({ label: "Samtal" });
      await journalForm.getByLabel("Text").fill(text);
      await logOutInAnotherTab(page);
      await journalForm.getByRole("button", { name: "Spara utkast" }).click();
      const dialog = loginDialog(page);
      await dialog.waitFor();
      // Escape does not close it: the page behind is not for whoever comes by.
      await page.keyboard.press("Escape");
      expect(await dialog.isVisible()).toBe(true);
      await dialog.getByRole("button", { name: "Logga ut" }).click();
      await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
      expect(await dialog.count()).toBe(0);
      expect(await page.getByText(text).count()).toBe(0);
      expect(problems).toEqual([]);
    },
    journeyTimeout,
  );
});
