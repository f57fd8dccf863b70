import { request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { demoPassword, heading, login } from "./fixtures/login.ts";

/*
 * The young people's chat (issue 17, item 6), in two browsers at once: a young person without
 * an account opens /chatt and writes; the resource function's consultant, signed in in a
 * context of her own, takes the conversation and answers; the young person sees the answer
 * live; the consultant closes; she presses "Lämna snabbt". Then nothing of the chat is left
 * in her browser: no storage, no cookie, no IndexedDB, no history entry to go back to. Axe on
 * every state. The chat is opened round the clock first (its manager's setting, through the
 * API), so the journey does not depend on the demo's Mon–Fri 08–17.
 */
const exitUrl = "https://www.google.se/";

async function openTheChatRoundTheClock(baseURL: string) {
  const api = await request.newContext({ baseURL });
  const signedIn = await api.post("/api/auth/login", {
    data: { username: "resurschef", password: demoPassword },
  });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const settings = await api.get("/api/chat/settings");
  const unit = ((await settings.json()) as { units: { unitId: string }[] }).units[0];
  const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "00:00", to: "24:00" }));
  const saved = await api.put(`/api/chat/settings/${unit?.unitId}`, {
    headers: { "x-csrf-token": csrfToken },
    data: { enabled: true, hours, openOnDaysOff: true, retentionHours: 24, welcomeText: null },
  });
  expect(saved.status()).toBe(200);
  await api.dispose();
}

describe("a young person's chat", () => {
  const browser = useBrowser();

  it("is answered live, closed, left with the quick exit, and leaves nothing in her browser", async () => {
    const { page: young, baseURL, newPage, problems } = browser();
    await openTheChatRoundTheClock(baseURL);

    await young.goto(`${baseURL}/chatt`);
    await expect.poll(() => heading(young)).toBe("Chatta med oss");
    const historyAtArrival = await young.evaluate(() => history.length);
    const unit = young
      .getByRole("listitem")
      .filter({ hasText: "Resursfunktion hedersrelaterat våld" });
    await expectNoSeriousA11yViolations(young);
    await unit.getByRole("button", { name: "Starta chatten" }).click();
    await young.getByText("Du är i kön.").waitFor();
    await young
      .getByLabel("Skriv ditt meddelande")
      .fill("Hej, jag får inte träffa mina vänner efter skolan.");
    await young.getByRole("button", { name: "Skicka" }).click();
    await young.getByText("Hej, jag får inte träffa mina vänner efter skolan.").waitFor();
    await expectNoSeriousA11yViolations(young);

    const staff = await newPage();
    await login(staff, baseURL, "resursperson");
    // A consultant lands on Konsultationer; the chat is one step away in the menu.
    await expect.poll(() => heading(staff)).toBe("Konsultationer");
    await staff.getByRole("navigation").getByRole("link", { name: "Chatt" }).click();
    await expect.poll(() => heading(staff)).toBe("Chatt");
    await expectNoSeriousA11yViolations(staff);
    const waiting = staff
      .getByRole("region", { name: "Samtal" })
      .getByRole("listitem")
      .filter({ hasText: "Väntar" });
    await waiting.last().getByRole("button", { name: "Öppna samtalet" }).click();
    const conversation = staff.getByRole("region", { name: "Samtalet", exact: true });
    await conversation.getByText("Hej, jag får inte träffa mina vänner efter skolan.").waitFor();
    await conversation.getByRole("button", { name: "Ta samtalet", exact: true }).click();
    await young.getByText("Du chattar nu med personal från socialtjänsten.").waitFor();
    await conversation
      .getByLabel("Svara", { exact: true })
      .fill("Hej! Vad bra att du skriver. Berätta mer.");
    await conversation.getByRole("button", { name: "Skicka" }).click();
    await expectNoSeriousA11yViolations(staff);

    // She sees the answer live, without reloading, and never the staff member's name.
    await young.getByText("Hej! Vad bra att du skriver. Berätta mer.").waitFor();
    expect(await young.textContent("main")).not.toContain("Leila Amin");
    await expectNoSeriousA11yViolations(young);

    await conversation.getByRole("button", { name: "Avsluta samtalet" }).click();
    await young.getByText("Chatten är avslutad.").waitFor();
    await expectNoSeriousA11yViolations(young);

    // Nothing of the chat in her browser's storage, cookies or IndexedDB.
    const stored = await young.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
      url: location.href,
    }));
    expect(stored).toEqual({
      local: 0,
      session: 0,
      cookie: "",
      databases: 0,
      url: `${baseURL}/chatt`,
    });
    expect(await young.context().cookies()).toEqual([]);

    // The quick exit replaces the chat page in the history with the neutral site.
    await young.route(`${exitUrl}**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><html lang="sv"><title>Sök</title><main><h1>Neutral sida</h1></main></html>',
      }),
    );
    await young.getByRole("button", { name: "Lämna snabbt" }).click();
    await expect.poll(() => young.url()).toBe(exitUrl);
    expect(await young.evaluate(() => history.length)).toBe(historyAtArrival);
    await expectNoSeriousA11yViolations(young);
    await young.goBack().catch(() => null);
    expect(young.url()).not.toContain("/chatt");
    expect(await young.context().cookies()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
