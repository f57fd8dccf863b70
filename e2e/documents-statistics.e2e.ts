import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { clearDate, dateField, dateInvalid, dateText, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, description, hasFocus, statusText } from "./fixtures/page.ts";

/*
 * His signed consent to partner contact, and partner contact in figures. Per Holm
 * (behandlare1) prints Johan Lind's consent form from Frid, attaches the signed scan to his
 * case (a file that is no PDF or image is refused, with the reason by the field) and sees it
 * listed; the crisis centre's manager (krischef) reads the period's figures under Statistik;
 * the administrator puts Kriscentrum's e-mail, printed on its letters and forms, right.
 * The server is shared with the other journeys: counts are checked only where this file's
 * own actions decide them.
 */

let dir = "";
const stamp = Date.now();
const scanName = `samtycke-johan-${stamp}.pdf`;
const scan = Buffer.from("%PDF-1.4\n%%EOF\n");
/** The name the server gives the scan: its kind and the day, nothing typed. */
const storedName = `samtycke-partnerkontakt-${new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })}.pdf`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "frid-documents-"));
  await writeFile(join(dir, scanName), scan);
  // Named as a PDF, but it is text: the server reads the first bytes and refuses it.
  await writeFile(join(dir, "anteckning.pdf"), "Det här är ingen inskannad blankett.\n");
  await writeFile(join(dir, "anteckning.txt"), "Det här är ingen inskannad blankett.\n");
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("his signed consent as a document, and partner contact in figures", () => {
  const browser = useBrowser();

  it("a therapist prints the consent form, and attaches the signed scan after a file that is none", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1");
    const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
    await mine.waitFor();
    await mine.getByRole("row").filter({ hasText: "Johan Lind" }).getByRole("link").click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    await openSection(page, "Dokument");

    const panel = page.getByRole("region", { name: "Handlingar" });
    const formLink = panel.getByRole("link", { name: "Skriv ut samtyckesblankett (PDF)" });
    await formLink.waitFor();
    expect(await panel.textContent()).toContain("låt honom skriva under");
    const form = panel.getByRole("form", { name: "Bifoga den undertecknade blanketten" });
    await form.waitFor();
    await expectNoSeriousA11yViolations(page);

    // The form to print: a real PDF with the form's title.
    const [download] = await Promise.all([page.waitForEvent("download"), formLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^samtycke-partnerkontakt-.+\.pdf$/);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain("Samtycke till partnerkontakt");

    // Sent without a file, then with a text file: the reason stands by the field.
    const file = form.getByLabel("Inskannad blankett");
    const submit = form.getByRole("button", { name: "Bifoga blanketten" });
    await submit.click();
    expect(await panel.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    expect(await description(page, file)).toContain("Välj filen med den inskannade blanketten.");
    await file.setInputFiles(join(dir, "anteckning.txt"));
    await submit.click();
    await expect
      .poll(() => description(page, file))
      .toContain("Filen måste vara en PDF eller en bild (PNG eller JPEG).");
    await expectNoSeriousA11yViolations(page);

    // Named .pdf but text inside: the server reads the first bytes and refuses it.
    await file.setInputFiles(join(dir, "anteckning.pdf"));
    const refused = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes("/documents?"),
    );
    await submit.click();
    expect((await refused).status()).toBe(400);
    await expect
      .poll(() => description(page, file))
      .toContain("Filen måste vara en PDF eller en bild (PNG eller JPEG), t.ex. den inskannade");
    expect(await file.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);

    // The signed scan: sent as the file itself, with its content type.
    await file.setInputFiles(join(dir, scanName));
    const sent = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().includes("/documents?"),
    );
    await submit.click();
    const request = await sent;
    expect(request.headers()["content-type"]).toBe("application/pdf");
    expect(new URL(request.url()).searchParams.get("kind")).toBe("partner_contact_consent");
    // No file name in the URL (it could carry a name): the server names the file.
    expect(new URL(request.url()).searchParams.get("filename")).toBeNull();
    // (Playwright does not show a file body; the download below compares the bytes.)
    await expect.poll(() => statusText(page)).toContain(`${storedName} är bifogad.`);
    const list = panel.getByRole("list", { name: "Handlingar i ärendet, senaste först" });
    const shown = list.getByRole("article", { name: storedName }).first();
    await expect.poll(() => hasFocus(shown)).toBe(true);
    const shownText = (await shown.textContent()) ?? "";
    expect(shownText).toContain("HandlingSamtycke till partnerkontakt, undertecknat");
    expect(shownText).toContain(`Storlek${scan.length} byte`);
    expect(shownText).toMatch(/Bifogad avPer Holm, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await panel.getByRole("alert").count()).toBe(0);
    expect(await file.inputValue()).toBe("");
    await expectNoSeriousA11yViolations(page);

    // The kept file opens as it was sent.
    const [again] = await Promise.all([
      page.waitForEvent("download"),
      shown.getByRole("link", { name: `Öppna ${storedName}` }).click(),
    ]);
    expect(await readFile(await again.path())).toEqual(scan);

    // Read again from the server: the document stays.
    await page.reload();
    await list.getByRole("article", { name: storedName }).first().waitFor();
    expect(problems).toEqual([]);
  });

  it("the crisis centre's manager reads the period's figures under Statistik", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "krischef");
    await page.getByRole("navigation").getByRole("link", { name: "Statistik" }).click();
    await expect.poll(() => heading(page)).toBe("Statistik");

    const form = page.getByRole("form", { name: "Välj period" });
    const from = "Från och med";
    const to = "Till och med";
    expect(await dateText(form, from)).toBe(`${day().slice(0, 4)}-01-01`);
    expect(await dateText(form, to)).toBe(day());
    const treatment = page.getByRole("table", { name: "Behandling", exact: true });
    await treatment.waitFor();
    for (const name of ["Partnerkontakt", "Partner", "Risklarm", "Risklarm: tid till kvittens"]) {
      await page.getByRole("table", { name, exact: true }).waitFor();
    }
    // Johan Lind's treatment runs: at least one man in treatment, counted exactly.
    const inTreatment = treatment.getByRole("row", { name: /Män i behandling under perioden/ });
    expect(Number(await inTreatment.getByRole("cell").textContent())).toBeGreaterThanOrEqual(1);
    // Each section of Statistik states its scope: for a manager, every one says exact.
    expect(
      await page.getByText("Exakta antal för de enheter du är enhetschef för.").count(),
    ).toBeGreaterThanOrEqual(1);
    expect(await page.getByText("Hela organisationen, i hela månader.").count()).toBe(0);
    // The unit's own figures are exact: nothing is hidden.
    expect(await page.getByText("färre än 5").count()).toBe(0);
    const times = page.getByRole("table", { name: "Risklarm: tid till kvittens" });
    expect(await times.getByRole("rowheader", { name: "Median" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // A period that ends before it starts: the server says so by the field.
    await fillDate(form, from, day());
    await fillDate(form, to, day(-30));
    await form.getByRole("button", { name: "Visa statistik" }).click();
    await expect
      .poll(() => description(page, dateField(form, to)))
      .toContain("Periodens sista dag kan inte ligga före den första.");
    expect(await page.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    await expectNoSeriousA11yViolations(page);

    // Put right: the figures for the new period.
    await fillDate(form, from, day(-30));
    await fillDate(form, to, day());
    await form.getByRole("button", { name: "Visa statistik" }).click();
    await page.getByRole("table", { name: "Behandling", exact: true }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toContain(
      `Siffror för ${day(-30)} – ${day()}`,
    );
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("in an English browser the dates still read ÅÅÅÅ-MM-DD, and a half-filled one is never sent", async () => {
    const { baseURL, problems, newPage } = browser();
    const page = await newPage({ locale: "en-US" });
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    await login(page, baseURL, "krischef", "/statistics");
    const form = page.getByRole("form", { name: "Välj period" });
    const from = "Från och med";
    await dateField(form, from).waitFor();
    // The browser's own date input would show 1/1/2026 here: year, month and day instead.
    expect(await dateText(form, from)).toBe(`${day().slice(0, 4)}-01-01`);
    const parts = dateField(form, from).getByRole("spinbutton");
    expect(
      await parts.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label"))),
    ).toEqual([
      expect.stringMatching(/^år/),
      expect.stringMatching(/^månad/),
      expect.stringMatching(/^dag/),
    ]);
    await clearDate(form, from);
    await fillDate(form, from, day(-30));
    await expectNoSeriousA11yViolations(page);

    // The month cleared, the rest left: the field says how to write a date, and what is sent
    // is no day at all (the library alone would keep the old one, react-spectrum #9624).
    await parts.nth(1).click();
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    expect(await dateText(form, from)).toBe(`${day(-30).slice(0, 4)}-mm-${day(-30).slice(8)}`);
    const show = form.getByRole("button", { name: "Visa statistik" });
    await show.focus();
    await expect
      .poll(() => description(page, dateField(form, from)))
      .toContain("Ange datum som ÅÅÅÅ-MM-DD.");
    expect(await dateInvalid(form, from)).toBe(true);
    const sent = page.waitForRequest((r) => r.url().includes("/api/statistics/"));
    await page.keyboard.press("Enter");
    const asked = new URL((await sent).url()).searchParams.get("from");
    expect(asked).not.toBe(day(-30));
    expect(asked).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Några uppgifter behöver rättas.");
    await expectNoSeriousA11yViolations(page);

    // The calendar is in Swedish too, and picking a day by keyboard puts it in the field.
    await dateField(form, "Till och med").getByRole("button").click();
    const calendar = page.getByRole("dialog");
    await calendar.waitFor();
    expect(await calendar.getByRole("heading").textContent()).toMatch(
      /^(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}$/,
    );
    await expectNoSeriousA11yViolations(page);
    // Focus starts on the chosen day (today); the day before is one arrow away.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await calendar.waitFor({ state: "detached" });
    expect(await dateText(form, "Till och med")).toBe(day(-1));
    expect(problems).toEqual([]);
  });

  it("an analyst sees the whole organisation, with small counts hidden", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "analytiker");
    // Lands on Statistik, where an analyst works: never on a case list with "Nytt ärende".
    await expect.poll(() => heading(page)).toBe("Statistik");
    expect(new URL(page.url()).pathname).toBe("/statistics");
    expect(await page.getByRole("button", { name: "Nytt ärende" }).count()).toBe(0);
    await page.getByRole("table", { name: "Behandling", exact: true }).waitFor();
    // Each section states its scope: for an analyst, every one says the whole organisation.
    expect(
      await page.getByText("Hela organisationen, i hela månader.").count(),
    ).toBeGreaterThanOrEqual(1);
    expect(await page.getByText("Exakta antal för de enheter du är enhetschef för.").count()).toBe(
      0,
    );
    // The exact rule is tested in the API (statistics.test.ts); here, as the other journeys
    // may add men in treatment: the cell never shows 1–4 — a number of 5 or more, 0, or
    // "färre än 5" (with Johan Lind in the demo, at least one man is in treatment).
    const treatment = page.getByRole("table", { name: "Behandling", exact: true });
    const inTreatment = treatment.getByRole("row", { name: /Män i behandling under perioden/ });
    const shown = (await inTreatment.getByRole("cell").textContent()) ?? "";
    expect(shown === "färre än 5" || Number(shown) >= 5).toBe(true);
    await page.getByText("Så små tal kan peka ut en person").first().waitFor();
    await expectNoSeriousA11yViolations(page);
    // Typed in directly, the person search offers no registration the server would refuse.
    await page.goto(`${baseURL}/persons/search`);
    await expect.poll(() => heading(page)).toBe("Sök person");
    expect(await page.getByRole("heading", { name: "Registrera ny person" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Nytt ärende" }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("the administrator puts Kriscentrum's e-mail, printed on its letters, right", async () => {
    const { page, baseURL, problems } = browser();
    const email = `kriscentrum-${stamp}@exempel.se`;
    await login(page, baseURL, "admin", "/admin");
    const units = page.getByRole("table", { name: "Enheter i organisationen" });
    await units.getByRole("link", { name: "Kriscentrum" }).click();
    await expect.poll(() => heading(page)).toBe("Kriscentrum");
    expect(await page.getByRole("main").textContent()).toContain(
      "Kontaktuppgifterna skrivs ut på brev och blanketter",
    );
    const form = page.getByRole("form", { name: "Kontaktuppgifter och uppföljning" });
    const emailField = form.getByLabel("E-post");
    const months = form.getByLabel("Månader till uppföljande kontakt med partnern");
    expect(await form.getByLabel("Telefon").inputValue()).not.toBe("");
    await expectNoSeriousA11yViolations(page);

    // Months outside 1–24 and an address that is none: each said by its field.
    const monthsBefore = await months.inputValue();
    await months.fill("30");
    await form.getByRole("button", { name: "Spara uppgifterna" }).click();
    expect(await description(page, months)).toContain("Ange mellan 1 och 24 månader.");
    await months.fill(monthsBefore);
    await emailField.fill("kriscentrum");
    await form.getByRole("button", { name: "Spara uppgifterna" }).click();
    await expect
      .poll(() => description(page, emailField))
      .toContain("Skriv en e-postadress som namn@exempel.se.");
    expect(await emailField.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);

    await emailField.fill(email);
    const sent = page.waitForRequest(
      (r) => r.method() === "PATCH" && r.url().includes("/api/admin/units/"),
    );
    await form.getByRole("button", { name: "Spara uppgifterna" }).click();
    expect((await sent).postDataJSON()).toMatchObject({
      contactEmail: email,
      partnerFollowUpMonths: Number(monthsBefore),
    });
    await expect.poll(() => statusText(page)).toContain("Uppgifterna är sparade.");
    expect(await page.getByRole("alert").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // The units list shows it, read again from the server.
    await page.getByRole("link", { name: "Tillbaka till administrationen" }).click();
    const row = units.getByRole("row").filter({ hasText: "Kriscentrum" });
    await expect.poll(async () => (await row.textContent()) ?? "").toContain(email);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
