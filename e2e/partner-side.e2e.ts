import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { dateField, dateText, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, description, statusText } from "./fixtures/page.ts";

/*
 * Partner contact, her side (seed 004). Eva Lund (behandlare2) works Sara Berg's partner
 * case: she sees what Johan said about reaching Sara (his information), which ways are open
 * and why, acknowledges the no-show that crossed the barrier, records a contact attempt,
 * offers Sara support of her own and sends a risk alert — the reason stays in Sara's case.
 * Per Holm (behandlare1), on Johan's side, sees the alert's level only and acknowledges it.
 * A concern for a child becomes a task, done only with the report's date, unit and
 * reference. The demo data is shared with other journeys: this file looks for its own texts
 * and counts nothing it did not make.
 */

const alertReason = "Sara berättar att han stått utanför hennes arbete två dagar i rad.";
const referralTo = "Kvinnojouren Frida";
const concern = "Sara berättar att sonen Elias, 6 år, blivit slagen vid ett umgänge.";
const reportTo = "Barn och unga, Frids kommun";
const reportReference = "BoU 2026-4711";

/** Opens the case of `person` from the table of the user's own cases. */
async function openCase(page: Page, person: string) {
  const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
  await mine.waitFor();
  await mine.getByRole("row").filter({ hasText: person }).getByRole("link").first().click();
  await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
}

describe("partner contact on her side, behind the information barrier", () => {
  const browser = useBrowser();

  it("her worker reaches out and sends a risk alert; his side sees the level only", async () => {
    const { page, baseURL, problems, newPage } = browser();
    await login(page, baseURL, "behandlare2");
    await openCase(page, "Sara Berg");
    await openSection(page, "Partnerkontakt");

    // What he said about reaching her is his information; the ways are judged in words.
    const panel = page.getByRole("region", { name: "Partnerkontakt" });
    await panel.getByText("Tidigare partner till den som går i behandling").waitFor();
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("Hans uppgifter om hur hon nås");
    expect(text).toContain("Telefon (enligt honom)070-123 45 67");
    const ways = panel.getByRole("list", { name: "Sätt att kontakta henne" });
    expect(await ways.getByRole("listitem").count()).toBe(3);
    expect(await ways.textContent()).toContain(
      "Hon har inte fått frågan ännu – välj det mest diskreta sättet.",
    );
    expect(
      await panel.getByRole("list", { name: "Kontaktförsök, senaste först" }).textContent(),
    ).toContain("Telefon: Tackade ja");
    await expectNoSeriousA11yViolations(page);

    // The no-show that crossed the barrier waits for her to acknowledge it.
    const barrier = page.getByRole("region", { name: "Meddelanden över informationsspärren" });
    expect(await barrier.textContent()).toContain("ett risklarm visar bara nivån");
    const absence = barrier
      .getByRole("article")
      .filter({ hasText: "Uteblev från samtal" })
      .filter({ has: page.getByRole("button", { name: "Kvittera" }) })
      .first();
    await absence.waitFor();
    expect(await absence.textContent()).toContain("Ej kvitterat");
    await expectNoSeriousA11yViolations(page);
    const absenceId = (await absence.getAttribute("id")) ?? "";
    await absence.getByRole("button", { name: "Kvittera" }).click();
    await expect.poll(() => statusText(page)).toContain("Meddelandet är kvitterat.");
    const acknowledgedAbsence = page.locator(`[id="${absenceId}"]`);
    await expect
      .poll(() => acknowledgedAbsence.evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await acknowledgedAbsence.textContent()).toMatch(/Kvitterat av Eva Lund, \d{4}-/);
    expect(await acknowledgedAbsence.getByRole("button").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // A contact attempt: sent empty, the form says what is missing by each field.
    const attempt = panel.getByRole("form", { name: "Registrera kontakt" });
    const submitAttempt = attempt.getByRole("button", { name: "Registrera kontakten" });
    await submitAttempt.click();
    const method = attempt.getByRole("group", { name: "Sätt" });
    const outcome = attempt.getByRole("group", { name: "Utfall" });
    expect(await method.textContent()).toContain("Välj brev, sms eller telefon.");
    expect(await outcome.textContent()).toContain("Välj hur det gick.");
    expect(await dateText(attempt, "Datum")).toBe(day());
    await expectNoSeriousA11yViolations(page);
    // "Skickat" is for a letter or a text, not for a call.
    await method.getByRole("radio", { name: "Telefon" }).check();
    expect(await outcome.getByRole("radio", { name: "Skickat" }).count()).toBe(0);
    await method.getByRole("radio", { name: "Sms" }).check();
    await outcome.getByRole("radio", { name: "Skickat" }).check();
    const sent = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/partner-contact/attempts"),
    );
    await submitAttempt.click();
    expect((await sent).postDataJSON()).toEqual({
      method: "sms",
      attemptedOn: day(),
      outcome: "sent",
    });
    await expect.poll(() => statusText(page)).toContain("Kontakten är registrerad.");
    expect(
      await panel.getByRole("list", { name: "Kontaktförsök, senaste först" }).textContent(),
    ).toContain("Sms: Skickat");
    // She said yes on the phone before: a text sent afterwards does not undo it.
    expect(await panel.textContent()).toContain("Var kontakten stårHar tackat ja till kontakt");
    await expectNoSeriousA11yViolations(page);

    // Support of her own: a referral must say where to.
    const support = panel.getByRole("form", { name: "Registrera eget stöd" });
    await support.getByRole("button", { name: "Spara eget stöd" }).click();
    expect(
      await support.getByRole("group", { name: "Vilket stöd erbjöds?" }).textContent(),
    ).toContain("Välj vilket stöd hon erbjöds.");
    await support.getByRole("radio", { name: "Hänvisad till annan verksamhet" }).check();
    await support.getByRole("button", { name: "Spara eget stöd" }).click();
    const where = support.getByRole("textbox", { name: "Hänvisad till" });
    expect(await description(page, where)).toContain("Skriv vart hon hänvisades");
    await expectNoSeriousA11yViolations(page);
    await where.fill(referralTo);
    await support.getByRole("button", { name: "Spara eget stöd" }).click();
    await expect.poll(() => statusText(page)).toContain("Eget stöd är sparat.");
    const supportText = (await panel.textContent()) ?? "";
    expect(supportText).toContain("StödHänvisad till annan verksamhet");
    expect(supportText).toContain(`Hänvisad till${referralTo}`);
    await panel.getByRole("button", { name: "Ändra eget stöd" }).click();
    const change = panel.getByRole("form", { name: "Ändra eget stöd" });
    await change.waitFor();
    // The button is gone: focus is on the form's heading.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Ändra eget stöd");
    await expectNoSeriousA11yViolations(page);

    // A risk alert: sent empty, messages first; then the level crosses and the reason stays.
    const alert = barrier.getByRole("form", { name: "Skicka risklarm" });
    await alert.getByRole("button", { name: "Skicka risklarm" }).click();
    expect(await alert.getByRole("group", { name: "Hur hög är risken?" }).textContent()).toContain(
      "Välj hur hög risken är.",
    );
    const reason = alert.getByLabel("Skäl");
    expect(await description(page, reason)).toContain("Skriv varför");
    expect(await description(page, reason)).toContain("visas inte på andra sidan");
    await expectNoSeriousA11yViolations(page);
    await alert.getByRole("radio", { name: "Hög", exact: true }).check();
    await reason.fill(alertReason);
    await alert.getByRole("button", { name: "Skicka risklarm" }).click();
    await expect.poll(() => statusText(page)).toContain("Risklarmet är skickat.");
    const mine = barrier.getByRole("article").filter({ hasText: alertReason });
    expect(await mine.count()).toBe(1);
    const mineText = (await mine.textContent()) ?? "";
    expect(mineText).toContain("Risklarm: Hög");
    expect(mineText).toContain("Inte kvitterat ännu på andra sidan");
    expect(await reason.inputValue()).toBe("");
    await expectNoSeriousA11yViolations(page);

    // His side: the alert's level, never its reason; acknowledged there.
    const his = await newPage();
    await login(his, baseURL, "behandlare1");
    await openCase(his, "Johan Lind");
    await openSection(his, "Partnerkontakt");
    const hisBarrier = his.getByRole("region", { name: "Meddelanden över informationsspärren" });
    const received = hisBarrier
      .getByRole("article")
      .filter({ hasText: "Risklarm: Hög" })
      .filter({ has: his.getByRole("button", { name: "Kvittera" }) })
      .first();
    await received.waitFor();
    const receivedText = (await received.textContent()) ?? "";
    expect(receivedText).toContain("Ej kvitterat");
    expect(receivedText).toMatch(/Går till enhetschefen \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await his.locator("body").textContent()).not.toContain(alertReason);
    expect(await his.locator("body").textContent()).not.toContain("Eva Lund");
    await expectNoSeriousA11yViolations(his);
    await received.getByRole("button", { name: "Kvittera" }).click();
    await expect.poll(() => statusText(his)).toContain("Meddelandet är kvitterat.");
    await hisBarrier
      .getByText(/Kvitterat av Per Holm/)
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(his);

    // Back on her side: acknowledged, but not by whom.
    await page.reload();
    const acknowledged = barrier.getByRole("article").filter({ hasText: alertReason });
    await acknowledged.getByText(/^Kvitterat \d{4}-\d{2}-\d{2}/).waitFor();
    expect(await acknowledged.textContent()).not.toContain("Per Holm");
    expect(problems).toEqual([]);
  });

  it("a concern for a child becomes a task, done only with the report as made", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare2");
    await openCase(page, "Sara Berg");

    const tasks = page.getByRole("region", { name: "Uppgifter att göra" });
    const form = tasks.getByRole("form", { name: "Oro för ett barn" });
    // The form opens on demand, then says what is missing.
    await tasks.getByRole("button", { name: "Oro för ett barn" }).click();
    await form.getByRole("button", { name: "Lägg till uppgift om orosanmälan" }).click();
    const concernField = form.getByLabel("Vad väcker oron?");
    expect(await description(page, concernField)).toContain(
      "Skriv kort vad som väcker oron för barnet.",
    );
    await expectNoSeriousA11yViolations(page);
    await concernField.fill(concern);
    await form.getByRole("button", { name: "Lägg till uppgift om orosanmälan" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Uppgiften att göra en orosanmälan är tillagd.");
    const task = tasks.getByRole("article").filter({ hasText: concern });
    expect(await task.count()).toBe(1);
    expect(await task.getByRole("heading", { level: 3 }).textContent()).toBe(
      "Oro för ett barn – gör en orosanmälan till socialtjänsten",
    );
    await expect.poll(() => task.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(page);

    // Done only with the report's date, the receiving unit and its reference.
    await task.getByRole("button", { name: "Markera som klar" }).click();
    await task.getByRole("form").getByRole("button", { name: "Markera som klar" }).click();
    const reportOn = dateField(task, "Datum för orosanmälan");
    const to = task.getByLabel("Enhet som tog emot anmälan");
    const reference = task.getByLabel("Anmälans referens");
    const note = task.getByLabel("Vad gjordes?");
    expect(await description(page, reportOn)).toContain("Ange datumet då orosanmälan gjordes.");
    expect(await description(page, to)).toContain("Skriv vilken enhet som tog emot anmälan.");
    expect(await description(page, reference)).toContain(
      "Skriv anmälans referens eller diarienummer.",
    );
    expect(await description(page, note)).toContain("Skriv vad som gjordes.");
    await expectNoSeriousA11yViolations(page);
    await fillDate(task, "Datum för orosanmälan", day());
    await to.fill(reportTo);
    await reference.fill(reportReference);
    await note.fill("Anmälan gjord per telefon och bekräftad skriftligt.");
    const completed = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/complete"),
    );
    await task.getByRole("button", { name: "Markera som klar" }).click();
    expect((await completed).postDataJSON()).toEqual({
      note: "Anmälan gjord per telefon och bekräftad skriftligt.",
      report: { on: day(), to: reportTo, reference: reportReference },
    });
    await expect.poll(() => statusText(page)).toContain("Uppgiften är markerad som klar.");
    const done = (await task.textContent()) ?? "";
    expect(done).toContain(`OrosanmälanGjord ${day()} till ${reportTo}`);
    expect(done).toContain(`Anmälans referens${reportReference}`);
    expect(await task.getByRole("form").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
