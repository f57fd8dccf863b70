import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * The administrator's instruments: the built-ins listed, one exported as JSON, and
 * definitions imported — a broken one refused with what is wrong in it, a new one added.
 * The imported instrument's id is random: the server (and its database) is shared by every
 * journey file in the run.
 */
const newId = `test_instrument_${randomBytes(4).toString("hex")}`;
const newName = `Testinstrument ${newId.slice(-8)}`;

function jsonFile(name: string, content: unknown) {
  const text = typeof content === "string" ? content : JSON.stringify(content, null, 2);
  return { name, mimeType: "application/json", buffer: Buffer.from(text) };
}

async function importFile(page: Page, file: ReturnType<typeof jsonFile>) {
  const form = page.getByRole("form", { name: "Importera instrument" });
  await form.getByLabel("Instrumentdefinition (JSON-fil)").setInputFiles(file);
  await form.getByRole("button", { name: "Importera" }).click();
}

describe("assessment instruments (administration)", () => {
  const browser = useBrowser();

  it("lists the instruments, exports one as JSON, and imports definitions", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin", "/admin");
    await page.getByRole("link", { name: "Hantera bedömningsinstrument" }).click();
    await expect.poll(() => heading(page)).toBe("Bedömningsinstrument");
    const table = page.getByRole("table", { name: "Bedömningsinstrument, senaste versionen" });
    const danger = table.getByRole("row", { name: /Farlighetsbedömning/ });
    await danger.waitFor();
    expect(await danger.textContent()).toContain("danger_assessment");
    expect(await table.textContent()).toContain("Frågor om våld");
    await expectNoSeriousA11yViolations(page);

    // Export: a file named after the instrument and version, holding its definition.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportera Farlighetsbedömning (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("danger_assessment-v1.json");
    const exported = JSON.parse(await readFile(await download.path(), "utf8")) as Record<
      string,
      unknown
    >;
    expect(exported).toMatchObject({ id: "danger_assessment", version: 1 });
    expect(Array.isArray(exported.sections)).toBe(true);

    // Not JSON at all: said so at once, without asking the server.
    await importFile(page, jsonFile("anteckning.json", "det här är ingen JSON {"));
    await page.getByText("Filen går inte att läsa som JSON.", { exact: false }).waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Några uppgifter");
    await expectNoSeriousA11yViolations(page);

    // A definition with a required field missing: the error says which field.
    const { sourceNote: _, ...withoutSource } = exported;
    await importFile(page, jsonFile("trasig.json", { ...withoutSource, id: newId, name: newName }));
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("sourceNote: Fältet är obligatoriskt.");
    await expectNoSeriousA11yViolations(page);

    // A version that exists with other content: give it a higher version.
    await importFile(page, jsonFile("andrad.json", { ...exported, name: "Annat namn" }));
    await expect
      .poll(() => alert.textContent())
      .toContain("Version 1 av danger_assessment finns redan med annat innehåll.");

    // A new instrument: imported, and in the table.
    const fresh = { ...exported, id: newId, name: newName };
    await importFile(page, jsonFile(`${newId}.json`, fresh));
    await page
      .getByRole("status")
      .filter({ hasText: `Instrumentet ${newName} version 1 är importerat.` })
      .waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    const row = table.getByRole("row", { name: new RegExp(newName) });
    await row.waitFor();
    expect(await row.textContent()).toContain(newId);
    await expectNoSeriousA11yViolations(page);

    // The same definition again changes nothing, and says so.
    await importFile(page, jsonFile(`${newId}.json`, fresh));
    await page.getByRole("status").filter({ hasText: "fanns redan med samma innehåll" }).waitFor();
    expect(problems).toEqual([]);
  });

  it("is only for administrators", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", "/admin/instruments");
    await expect.poll(() => heading(page)).toBe("Bedömningsinstrument");
    await page.getByText("Du har inte behörighet till administrationen.").waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
