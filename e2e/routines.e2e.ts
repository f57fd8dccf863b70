import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * Issue 20, item 2: the unit manager keeps the routines register. She adds the social welfare
 * committee as an approver marked as management, adds the routine for protected personal data
 * with its PDF, and Öppna jämförelser answers yes for that area with the routine behind it
 * (and no, with what is missing, where there is none); a new version supersedes the old one.
 */
const title = "Rutin vid skyddade personuppgifter";
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "frid-routines-"));
  await writeFile(join(dir, "skyddade-personuppgifter.pdf"), "%PDF-1.7\n% rutin\n%%EOF\n");
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("routines: the register and the Öppna jämförelser answers", () => {
  const browser = useBrowser();

  it("the unit manager adds an approved routine with its document and Öppna jämförelser says yes", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await page.getByRole("navigation").getByRole("link", { name: "Rutiner" }).click();
    await expect.poll(() => heading(page)).toBe("Rutiner");
    await page.getByRole("heading", { name: "Öppna jämförelser" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ny beslutsinstans" }).click();
    const approver = page.getByRole("form", { name: "Ny beslutsinstans" });
    await approver.getByLabel("Vem fastställer").fill("Socialnämnden");
    await approver.getByRole("button", { name: "Lägg till" }).click();
    await expect.poll(() => statusText(page)).toContain("”Socialnämnden” finns nu att välja.");

    await page.getByRole("button", { name: "Ny rutin" }).click();
    const form = page.getByRole("form", { name: "Ny rutin" });
    await form.getByLabel("Rutinens namn").fill(title);
    await form.getByLabel("Område").selectOption({ label: "Skyddade personuppgifter" });
    await form
      .getByLabel("Fastställd av", { exact: true })
      .selectOption({ label: "Socialnämnden (ledningen)" });
    await fillDate(form, "Revideras senast", day(365));
    await form.getByLabel("Ägare").selectOption({ index: 1 });
    await form
      .getByLabel("Dokument (PDF, DOCX eller ODT, högst 10 MB)")
      .setInputFiles(join(dir, "skyddade-personuppgifter.pdf"));
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Spara rutinen" }).click();
    await expect.poll(() => statusText(page)).toContain(`Rutinen ”${title}” är sparad.`);

    const register = page.getByRole("region", { name: "Rutinregister" });
    await register.getByRole("link", { name: "Hämta skyddade-personuppgifter.pdf" }).waitFor();
    const answers = page.getByRole("region", { name: "Öppna jämförelser" });
    const protectedData = answers.getByRole("row", { name: /^Skyddade personuppgifter/ });
    await protectedData.getByText("Ja", { exact: true }).waitFor();
    await protectedData.getByText(title, { exact: false }).waitFor();
    const competence = answers.getByRole("row", { name: /^Kompetensutvecklingsplan/ });
    await competence.getByText("Nej", { exact: true }).waitFor();
    await competence.getByText("Ingen rutin för området finns i registret.").waitFor();
    await expectNoSeriousA11yViolations(page);

    await register.getByRole("button", { name: `Ny version av ${title}` }).click();
    const revision = page.getByRole("form", { name: "Ny version av rutinen" });
    await revision.getByLabel("Rutinens namn").fill(`${title} 2027`);
    await fillDate(revision, "Revideras senast", day(700));
    await revision.getByRole("button", { name: "Spara rutinen" }).click();
    await expect.poll(() => statusText(page)).toContain(`Rutinen ”${title} 2027” är sparad.`);
    await register.getByText("Ersatt av ny version").waitFor();
    await protectedData.getByText(`${title} 2027`, { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
