import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openMyCase, openSection } from "./fixtures/case.ts";
import { dateField, dateInvalid, dateText, fillDate } from "./fixtures/dates.ts";
import { login } from "./fixtures/login.ts";
import { day, description, hasFocus, statusText } from "./fixtures/page.ts";

/*
 * The police's risk assessment (HSLF-FS 2022:39): with the client's consent social services
 * obtains it, and the caseworker records it in the case beside Frid's own assessments: the
 * day, the level in the police's words, a summary, and the consent it rests on. Sent empty,
 * the form says what is missing by each field; a day in the future is the server's to
 * refuse, and its message stands by its field; once recorded, the record is in the list.
 * The case is the demo case of Anna Andersson that the seed gives handlaggare1; this file
 * writes only police assessments in it.
 */

const level = "Förhöjd risk";
const summary = "Mannen har hotat med kniv och söker kontakt trots kontaktförbud.";
const reference = "Blankett 2026-114";

describe("the police's risk assessment, recorded with the consent it rests on", () => {
  const browser = useBrowser();

  it("a caseworker records the police's assessment in her case, after the form's messages", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await openMyCase(page, "Anna Andersson");
    await openSection(page, "Bedömningar");

    const panel = page.getByRole("region", { name: "Polisens riskbedömning" });
    await panel.getByText("Ingen riskbedömning från polisen är registrerad i ärendet.").waitFor();
    const form = panel.getByRole("form", { name: "Registrera polisens bedömning" });
    await form.waitFor();
    await expectNoSeriousA11yViolations(page);

    // Sent empty: a summary above the form and a message in words by each missing field.
    await form.getByRole("button", { name: "Registrera bedömningen" }).click();
    expect(await panel.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    const assessedOn = dateField(form, "Datum för polisens bedömning");
    const levelField = form.getByLabel("Polisens bedömda nivå");
    const summaryField = form.getByLabel("Sammanfattning (frivilligt)");
    const consentGivenOn = dateField(form, "Samtycke givet (datum)");
    const consentForm = form.getByRole("group", { name: "Samtyckets form" });
    const where = form.getByLabel("Var samtycket finns");
    expect(await dateInvalid(form, "Datum för polisens bedömning")).toBe(true);
    expect(await description(page, assessedOn)).toContain("Ange datum för polisens bedömning.");
    expect(await description(page, levelField)).toContain("Skriv polisens bedömda nivå.");
    expect(await summaryField.getAttribute("aria-invalid")).toBeNull();
    expect(await description(page, consentGivenOn)).toContain(
      "Ange vilken dag klienten gav sitt samtycke.",
    );
    expect(await consentForm.textContent()).toContain(
      "Välj om samtycket är skriftligt eller muntligt.",
    );
    expect(await description(page, where)).toContain(
      "Ange var samtycket finns, t.ex. journalanteckningens datum eller blankettens nummer.",
    );
    await expectNoSeriousA11yViolations(page);

    // A day that has not come: the server refuses it, and says so by the field.
    await fillDate(form, "Datum för polisens bedömning", day(3));
    await levelField.fill(level);
    await summaryField.fill(summary);
    await fillDate(form, "Samtycke givet (datum)", day(-2));
    await consentForm.getByRole("radio", { name: "Skriftligt", exact: true }).check();
    await where.fill(reference);
    const refused = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/police-assessments"),
    );
    await form.getByRole("button", { name: "Registrera bedömningen" }).click();
    expect((await refused).status()).toBe(400);
    await expect
      .poll(() => description(page, assessedOn))
      .toContain("Datumet kan inte ligga i framtiden.");
    expect(await levelField.getAttribute("aria-invalid")).toBeNull();
    expect(await panel.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    expect(await levelField.inputValue()).toBe(level);
    await expectNoSeriousA11yViolations(page);

    // Put right: the record is in the list, with focus on it, and the form is empty again.
    await fillDate(form, "Datum för polisens bedömning", day(-1));
    const sent = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/police-assessments"),
    );
    await form.getByRole("button", { name: "Registrera bedömningen" }).click();
    expect((await sent).postDataJSON()).toEqual({
      assessedOn: day(-1),
      level,
      summary,
      consentGivenOn: day(-2),
      consentForm: "written",
      consentReference: reference,
    });
    await expect.poll(() => statusText(page)).toContain("Polisens bedömning är registrerad.");
    const list = panel.getByRole("list", { name: "Polisens riskbedömningar, senaste först" });
    const records = list.getByRole("article");
    expect(await records.count()).toBe(1);
    const shown = list.getByRole("article", { name: `Polisens bedömning ${day(-1)}` });
    await expect.poll(() => hasFocus(shown)).toBe(true);
    const text = (await shown.textContent()) ?? "";
    expect(text).toContain(`Polisens bedömda nivå${level}`);
    expect(text).toContain(`SamtyckeSkriftligt, givet ${day(-2)}`);
    expect(text).toContain(`Var samtycket finns${reference}`);
    expect(text).toMatch(/Registrerad avLina Ek, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain(summary);
    expect(await panel.getByRole("alert").count()).toBe(0);
    expect(await levelField.inputValue()).toBe("");
    expect(await dateText(form, "Datum för polisens bedömning")).toBe("åååå-mm-dd");
    expect(await consentForm.getByRole("radio", { checked: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // Read again from the server: the record stays.
    await page.reload();
    await list.getByRole("article", { name: `Polisens bedömning ${day(-1)}` }).waitFor();
    expect(problems).toEqual([]);
  });
});
