import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { statusText } from "./fixtures/page.ts";

/*
 * Issue 15, find: a worker finds a case by its number (typed loosely) and a word in journal
 * text, from "Sök ärende" in the menu. The journal entry searched for is written here,
 * through the API, in a demo case of handlaggare1 that is not Anna Andersson's (journal.e2e
 * owns that journal); its word is this file's own.
 */

const word = "Kanelbullebageriet";

type CaseRow = { id: string; reference: string; person: { name: string } };

/** A case of the signed-in worker's (not Anna Andersson's), with a signed entry holding `word`. */
async function caseWithEntry(page: Page, baseURL: string): Promise<CaseRow> {
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const list = await (await page.request.get(`${baseURL}/api/cases?scope=mine&limit=50`)).json();
  const mine = (list.cases as CaseRow[]).find((c) => c.person.name !== "Anna Andersson");
  expect(mine).toBeTruthy();
  const c = mine as CaseRow;
  const written = await page.request.post(`${baseURL}/api/cases/${c.id}/journal`, {
    headers,
    data: {
      entryType: "conversation",
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      body: `Samtal om praktikplatsen på ${word} och hur veckorna ser ut.`,
    },
  });
  expect(written.status()).toBe(201);
  const { id } = (await written.json()) as { id: string };
  expect((await page.request.post(`${baseURL}/api/journal/${id}/sign`, { headers })).ok()).toBe(
    true,
  );
  return c;
}

async function openSearch(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "Sök ärende" }).click();
  await expect.poll(() => heading(page)).toBe("Sök ärende eller journaltext");
}

async function search(page: Page, query: string) {
  const form = page.getByRole("search", { name: "Sök ärende eller journaltext" });
  await form.getByLabel("Ärendenummer eller ord").fill(query);
  await form.getByRole("button", { name: "Sök" }).click();
}

describe("find a case or journal text", () => {
  const browser = useBrowser();

  it("a case number, typed loosely, goes straight to the case; a word lists its journal entries", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    const c = await caseWithEntry(page, baseURL);

    await openSearch(page);
    await expectNoSeriousA11yViolations(page);
    await search(page, ` ${c.reference.toLowerCase().replace("-", " ")} `);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${c.id}`);

    await openSearch(page);
    await search(page, word.slice(0, 9).toLowerCase());
    await expect.poll(() => statusText(page)).toContain("Antal anteckningar: 1,");
    const hits = page.getByRole("list", { name: "Journalanteckningar" });
    expect(await hits.locator("mark").first().textContent()).toBe(word);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousA11yViolations(page);
    await hits.getByRole("link", { name: `Ärende ${c.reference}: journal` }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${c.id}/journal`);
    expect(problems).toEqual([]);
  });

  it("says so when a number names no case of the worker's, and when nothing matches", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await openSearch(page);
    await search(page, "1999-0001");
    await page.getByText("Du har inget ärende med numret 1999-0001.").waitFor();
    await expect
      .poll(() => statusText(page))
      .toContain("Inga journalanteckningar innehåller orden.");
    await search(page, "och");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Några uppgifter behöver rättas.");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
