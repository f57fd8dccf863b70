import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openMyCase, openSection } from "./fixtures/case.ts";
import { dateInvalid, dateText, fillDate } from "./fixtures/dates.ts";
import { login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * The case journal: a caseworker writes a draft, edits it and signs it, then corrects the
 * signed entry with a new one; the unit manager reads the signed entries but cannot change
 * them, and a colleague without access does not learn the case exists. The case is the demo
 * case of Anna Andersson that the seed gives handlaggare1; no other test file writes in its
 * journal. The steps run in order and share the case's address.
 */

const journey: { casePath?: string; originalTitle?: string } = {};

const originalText = "Anna berättade om helgen.\nHon vill ha stöd i kontakten med polisen.";
const editedText = `${originalText}\nVi bokade ett nytt samtal.`;
const correctionText = "Rättelse: samtalet hölls i hemmet, inte på kontoret.";
const privateDraftText = "Ett utkast som bara Lina ser.";

/** Presses Tab until `target` has focus: the keyboard's way to reach a field. */
async function tabTo(page: Page, target: Locator, most = 15) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the field");
}

/** Id of the element that has focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** The texts of the polite status messages on the page. */

describe("the case journal", () => {
  const browser = useBrowser();

  it("a caseworker writes a draft with the keyboard, edits it and signs it", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    journey.casePath = await openMyCase(page, "Anna Andersson");
    await openSection(page, "Journal");

    const journal = page.getByRole("region", { name: "Journal" });
    const form = journal.getByRole("form", { name: "Ny anteckning" });
    // The form opens on demand, with focus in its first field.
    await journal.getByRole("button", { name: "Ny anteckning" }).click();
    await form.waitFor();
    await journal
      .getByRole("list", { name: "Journalanteckningar, senaste händelse först" })
      .or(journal.getByText("Det finns inga anteckningar i journalen ännu."))
      .waitFor();
    // The time of the event starts at now, to the minute.
    const time = form.getByLabel("Klockslag");
    expect(await time.inputValue()).toMatch(/^\d{2}:\d{2}$/);
    await expectNoSeriousA11yViolations(page);

    // Keyboard only: choose the type, set the time, try without text, then write it. The
    // minutes are set to 00: earlier than now, and the same keys whether the browser shows
    // a 24-hour clock or AM/PM (Debian's Chromium without its language packs does).
    const type = form.getByLabel("Typ av anteckning");
    await type.focus();
    await page.keyboard.type("Hem");
    expect(await type.inputValue()).toBe("home_visit");
    await tabTo(page, time);
    const hour = (await time.inputValue()).slice(0, 2);
    await page.keyboard.press("Tab");
    await page.keyboard.type("00");
    expect(await time.inputValue()).toBe(`${hour}:00`);
    const date = await dateText(form, "Datum");
    const when = `${date} ${hour}:00`;
    const save = form.getByRole("button", { name: "Spara utkast" });
    await tabTo(page, save);
    await page.keyboard.press("Enter");
    const text = form.getByLabel("Text");
    await expect.poll(() => text.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    const describedBy = (await text.getAttribute("aria-describedby")) ?? "";
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
      describedBy.split(" "),
    );
    expect(description).toContain("Fältet får inte vara tomt.");
    await expectNoSeriousA11yViolations(page);

    await page.keyboard.down("Shift");
    await tabTo(page, text);
    await page.keyboard.up("Shift");
    const [firstLine, secondLine] = originalText.split("\n");
    await page.keyboard.type(firstLine ?? "");
    await page.keyboard.press("Enter");
    await page.keyboard.type(secondLine ?? "");
    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith(`/api${journey.casePath}/journal`),
    );
    await tabTo(page, save);
    await page.keyboard.press("Enter");
    // Sent as the browser's local time (Swedish time here) with its offset.
    const body = (await posted).postDataJSON() as Record<string, unknown>;
    expect(body).toMatchObject({ entryType: "home_visit", body: originalText, correctsId: null });
    expect(body.occurredAt).toMatch(new RegExp(`^${date}T${hour}:00:00\\+0[12]:00$`));

    await expect.poll(() => statusText(page)).toContain("Utkastet är sparat.");
    const draft = journal.getByRole("article", { name: `Hembesök, ${when}` });
    await draft.waitFor();
    // Focus moves to the saved entry; the form is empty again for the next one.
    expect(await focusedId(page)).toBe(await draft.getAttribute("id"));
    expect(await text.inputValue()).toBe("");
    expect(await draft.textContent()).toContain("Utkast");
    expect(await draft.textContent()).toContain("Lina Ek");
    // Line breaks are kept, as text.
    const shown = draft.getByText("Anna berättade om helgen.");
    expect(await shown.evaluate((el) => (el as HTMLElement).innerText)).toBe(originalText);
    expect(await shown.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("pre-wrap");
    await expectNoSeriousA11yViolations(page);

    // Edit the draft in place.
    await draft.getByRole("button", { name: "Redigera" }).click();
    const edit = draft.getByRole("form", { name: /^Redigera utkastet/ });
    await edit.waitFor();
    expect(await edit.getByLabel("Text").inputValue()).toBe(originalText);
    await expectNoSeriousA11yViolations(page);
    await edit.getByLabel("Typ av anteckning").selectOption({ label: "Samtal" });
    await edit.getByLabel("Text").fill(editedText);
    await edit.getByRole("button", { name: "Spara", exact: true }).click();
    await expect.poll(() => statusText(page)).toContain("Ändringarna är sparade.");
    journey.originalTitle = `Samtal, ${when}`;
    const entry = journal.getByRole("article", { name: journey.originalTitle });
    await entry.waitFor();
    expect(await entry.textContent()).toContain("Vi bokade ett nytt samtal.");
    expect(await focusedId(page)).toBe(await entry.getAttribute("id"));

    // Signing asks first, in the page; "Avbryt" leaves the draft as it was.
    const signButton = entry.getByRole("button", { name: `Signera ${journey.originalTitle}` });
    await signButton.click();
    const question = entry.getByText("Signerade anteckningar kan inte ändras. Signera?");
    await question.waitFor();
    expect(await focusedId(page)).toBe(await question.getAttribute("id"));
    await expectNoSeriousA11yViolations(page);
    await entry.getByRole("button", { name: "Avbryt" }).click();
    expect(await question.count()).toBe(0);
    expect(await focusedId(page)).toBe(await signButton.getAttribute("id"));

    await signButton.click();
    await entry.getByRole("button", { name: "Signera", exact: true }).click();
    await expect.poll(() => statusText(page)).toContain("Anteckningen är signerad.");
    await expect.poll(() => entry.textContent()).toMatch(/Signerad \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await entry.getByRole("button", { name: /^Redigera/ }).count()).toBe(0);
    expect(await entry.getByRole("button", { name: /^Signera/ }).count()).toBe(0);
    expect(await entry.getByText("Utkast", { exact: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker corrects the signed entry with a new one, which links to it", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.casePath && journey.originalTitle).toBeTruthy();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/journal`);
    const journal = page.getByRole("region", { name: "Journal" });
    const original = journal.getByRole("article", {
      name: journey.originalTitle ?? "-",
      exact: true,
    });
    await original.waitFor();

    await original.getByRole("button", { name: /^Skriv rättelse/ }).click();
    const form = journal.getByRole("form", { name: "Ny anteckning" });
    const notice = form.getByText("Du skriver en rättelse av anteckningen");
    await notice.waitFor();
    expect(await notice.textContent()).toContain(journey.originalTitle);
    expect(await focusedId(page)).toBe(await notice.getAttribute("id"));
    // A correction starts from the corrected entry's type and time of event.
    expect(await form.getByLabel("Typ av anteckning").inputValue()).toBe("conversation");
    const originalTime = journey.originalTitle?.slice(-5) ?? "-";
    expect(await form.getByLabel("Klockslag").inputValue()).toBe(originalTime);
    await expectNoSeriousA11yViolations(page);

    await form.getByLabel("Text").fill(correctionText);
    await form.getByRole("button", { name: "Spara utkast" }).click();
    await expect.poll(() => statusText(page)).toContain("Utkastet är sparat.");
    const correction = journal.getByRole("article").filter({ hasText: correctionText });
    await correction.waitFor();
    expect(await form.getByText("Du skriver en rättelse").count()).toBe(0);
    expect(await correction.getByRole("heading").textContent()).toBe(
      `Rättelse: ${journey.originalTitle}`,
    );
    // A draft correction does not yet make the original "corrected".
    expect(await original.getByText("Rättad – se rättelse").count()).toBe(0);
    await original
      .getByRole("link", { name: "Du har påbörjat en rättelse – se utkastet" })
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    await correction.getByRole("button", { name: /^Signera/ }).click();
    await correction.getByRole("button", { name: "Signera", exact: true }).click();
    await expect.poll(() => statusText(page)).toContain("Anteckningen är signerad.");
    await expect.poll(() => correction.textContent()).toMatch(/Signerad /);

    // Each links to the other; following a link moves focus to the entry.
    const toCorrection = original.getByRole("link", { name: "Rättad – se rättelse" });
    await toCorrection.click();
    expect(await focusedId(page)).toBe(await correction.getAttribute("id"));
    const toOriginal = correction.getByRole("link", { name: /^Rättelse av anteckning från / });
    expect(await toOriginal.textContent()).toBe(
      `Rättelse av anteckning från ${journey.originalTitle?.replace(/^Samtal, /, "")}`,
    );
    await toOriginal.click();
    expect(await focusedId(page)).toBe(await original.getAttribute("id"));
    // The original is unchanged: still its own text, signed.
    expect(await original.textContent()).toContain("Vi bokade ett nytt samtal.");
    await expectNoSeriousA11yViolations(page);

    // A draft left unsigned, for the next step: others never see it. The correction done,
    // its form closed; a new entry's form opens on demand.
    await journal.getByRole("button", { name: "Ny anteckning" }).click();
    await form.getByLabel("Typ av anteckning").selectOption({ label: "Övrigt" });
    await form.getByLabel("Text").fill(privateDraftText);
    await form.getByRole("button", { name: "Spara utkast" }).click();
    await journal.getByRole("article").filter({ hasText: privateDraftText }).waitFor();
    expect(problems).toEqual([]);
  });

  it("the caseworker downloads the journal of a period as a PDF: signed entries only", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/journal`);
    const print = page.getByRole("form", { name: "Journal som PDF" });
    await print.waitFor();
    // A reversed period is refused here, by the field, before anything is fetched.
    await fillDate(print, "Till och med", "2000-01-01");
    await print.getByRole("button", { name: "Journal som PDF" }).click();
    await expect.poll(() => dateInvalid(print, "Till och med")).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await fillDate(print, "Till och med", day(0));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      print.getByRole("button", { name: "Journal som PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^journal-.+\.pdf$/);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain("Anna Andersson");
    expect(text).toContain(correctionText);
    expect(text).not.toContain(privateDraftText);
    expect(problems).toEqual([]);
  });

  it("the unit manager reads the signed entries but cannot change them", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef", `${journey.casePath}/journal`);
    const journal = page.getByRole("region", { name: "Journal" });
    const original = journal.getByRole("article", {
      name: journey.originalTitle ?? "-",
      exact: true,
    });
    await original.waitFor();
    const correction = journal.getByRole("article").filter({ hasText: correctionText });
    expect(await correction.count()).toBe(1);
    expect(await journal.getByRole("article").filter({ hasText: privateDraftText }).count()).toBe(
      0,
    );
    expect(await original.textContent()).toContain("Lina Ek");
    expect(await original.getByRole("link", { name: "Rättad – se rättelse" }).count()).toBe(1);
    expect(
      await correction.getByRole("link", { name: /^Rättelse av anteckning från / }).count(),
    ).toBe(1);
    expect(await journal.getByRole("button", { name: /^Redigera/ }).count()).toBe(0);
    expect(await journal.getByRole("button", { name: /^Signera/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a draft signed in another window cannot be changed from the stale one", async () => {
    const { page, baseURL, newPage, problems } = browser();
    const text = "Möte med Anna och hennes kontaktperson.";
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/journal`);
    const journal = page.getByRole("region", { name: "Journal" });
    const form = journal.getByRole("form", { name: "Ny anteckning" });
    await journal.getByRole("button", { name: "Ny anteckning" }).click();
    await form.getByLabel("Typ av anteckning").selectOption({ label: "Möte" });
    await form.getByLabel("Text").fill(text);
    await form.getByRole("button", { name: "Spara utkast" }).click();
    const draft = journal.getByRole("article").filter({ hasText: text });
    await draft.waitFor();

    const stale = await newPage();
    await login(stale, baseURL, "handlaggare1", `${journey.casePath}/journal`);
    const staleDraft = stale.getByRole("region", { name: "Journal" }).getByRole("article").filter({
      hasText: text,
    });
    await staleDraft.getByRole("button", { name: /^Redigera/ }).click();

    await draft.getByRole("button", { name: /^Signera/ }).click();
    await draft.getByRole("button", { name: "Signera", exact: true }).click();
    await expect.poll(() => draft.textContent()).toMatch(/Signerad /);

    // The stale window is told, and then shows the entry as it now is: signed, final.
    await staleDraft.getByLabel("Text").fill(`${text} Ändrat i efterhand.`);
    await staleDraft.getByRole("button", { name: "Spara", exact: true }).click();
    await staleDraft.getByRole("alert").waitFor();
    expect(await staleDraft.getByRole("alert").textContent()).toContain(
      "Anteckningen har signerats och ändras inte längre, så din ändring sparades inte. Skriv en rättelse om något behöver ändras.",
    );
    await expect.poll(() => staleDraft.textContent()).toMatch(/Signerad /);
    expect(await staleDraft.getByRole("button", { name: /^Redigera/ }).count()).toBe(0);
    expect(await staleDraft.textContent()).not.toContain("Ändrat i efterhand.");
    await expectNoSeriousA11yViolations(stale);
    expect(problems).toEqual([]);
  });

  it("a long journal shows the newest 20 entries, older ones on asking; a correction still says what it corrects", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/journal`);
    const caseId = journey.casePath?.split("/").at(-1) ?? "-";
    const me = await page.request.get(`${baseURL}/api/me`);
    const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
    // Signed entries about later events until the correction is the last of the first page,
    // and the entry it corrects (same event, written before it) the first of the next.
    const all = await (
      await page.request.get(`${baseURL}/api/cases/${caseId}/journal?limit=100`)
    ).json();
    const above = (all.items as { body: string }[]).findIndex((e) => e.body === correctionText);
    expect(above).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 19 - above; i += 1) {
      const written = await page.request.post(`${baseURL}/api/cases/${caseId}/journal`, {
        headers,
        data: {
          entryType: "phone",
          occurredAt: new Date(Date.now() - (i + 1) * 100).toISOString(),
          body: `Telefonsamtal ${i + 1}.`,
        },
      });
      const { id } = (await written.json()) as { id: string };
      expect((await page.request.post(`${baseURL}/api/journal/${id}/sign`, { headers })).ok()).toBe(
        true,
      );
    }
    await page.reload();
    const journal = page.getByRole("region", { name: "Journal" });
    const correction = journal.getByRole("article").filter({ hasText: correctionText });
    await correction.waitFor();
    const original = journal.getByRole("article", {
      name: journey.originalTitle ?? "-",
      exact: true,
    });
    expect(await original.count()).toBe(0);
    // What it corrects is on the next page: said in words, with where to find it.
    const time = journey.originalTitle?.replace(/^Samtal, /, "");
    await correction
      .getByText(
        `Rättelse av anteckning från ${time}. Den visas när du väljer Visa äldre anteckningar.`,
      )
      .waitFor();
    const older = journal.getByRole("button", { name: "Visa äldre anteckningar" });
    await expectNoSeriousA11yViolations(page);

    const asked = page.waitForRequest((r) => r.url().includes("/journal?before="));
    await older.click();
    await asked;
    await original.waitFor();
    // Focus is on the first entry the page brought: the one corrected, now linked both ways.
    await expect.poll(() => focusedId(page)).toBe(await original.getAttribute("id"));
    await original.getByRole("link", { name: "Rättad – se rättelse" }).waitFor();
    await correction.getByRole("link", { name: `Rättelse av anteckning från ${time}` }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a colleague without access learns nothing, not even that there is a journal", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare2", `${journey.casePath}/journal`);
    await page.getByText("Ärendet finns inte eller så saknar du behörighet.").waitFor();
    expect(await page.getByRole("region", { name: "Journal" }).count()).toBe(0);
    expect(await page.getByText(correctionText).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
