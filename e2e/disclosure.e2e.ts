import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openMyCase, openSection } from "./fixtures/case.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * Consent and disclosure (issue 18, items 3–4): a caseworker records Anna Andersson's written
 * consent to share with Vårdcentralen Demo (the signed form uploaded), discloses to the health
 * centre on it after a secrecy review, finds the disclosure on Anna's person page, then opens a
 * SIP with the health centre on that consent and prints it. The case is the demo case of Anna
 * Andersson that the seed gives handlaggare1; this file writes only consents, the form's
 * document, disclosures and a SIP in it.
 */

const stamp = Date.now().toString(36);
const information = `Riskbedömning och pågående stödsamtal (${stamp})`;
let dir = "";
const formName = `samtycke-anna-${stamp}.pdf`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "frid-disclosure-"));
  await writeFile(
    join(dir, formName),
    "%PDF-1.4\n% Fiktiv undertecknad samtyckesblankett\n%%EOF\n",
  );
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a consent to share, and a disclosure on it", () => {
  const browser = useBrowser();

  it("a caseworker records a written consent, discloses to health care, opens a SIP and prints it", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    const casePath = await openMyCase(page, "Anna Andersson");
    await openSection(page, "Samverkan");

    // The consent: to Vårdcentralen Demo, written, with the signed form uploaded.
    const consents = page.getByRole("region", { name: "Samtycken" });
    await expectNoSeriousA11yViolations(page);
    // The forms open on demand: the list first, then the button that says what it opens.
    await consents.getByRole("button", { name: "Registrera samtycke" }).click();
    const consentForm = consents.getByRole("form", { name: "Registrera samtycke" });
    await consentForm.waitFor();
    await consentForm
      .getByLabel("Mottagare i samverkansregistret")
      .selectOption({ label: "Vårdcentralen Demo" });
    await consentForm.getByLabel("Vilka uppgifter").fill(information);
    await consentForm.getByLabel("Syfte").fill("Att kuratorn ska kunna samordna stödet.");
    await consentForm.getByLabel("Namn på den som samtycker").fill("Anna Andersson");
    await consentForm
      .getByRole("group", { name: "Samtyckets form" })
      .getByRole("radio", { name: "Skriftligt (undertecknad blankett)" })
      .check();
    await consentForm
      .getByLabel("Den undertecknade blanketten (PDF, PNG eller JPEG)")
      .setInputFiles(join(dir, formName));
    const recorded = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/sharing-consents"),
    );
    await consentForm.getByRole("button", { name: "Registrera samtycket" }).click();
    expect((await recorded).status()).toBe(201);
    await expect.poll(() => statusText(page)).toContain("Samtycket är registrerat.");
    const consent = consents
      .getByRole("article", { name: /Samtycke till Vårdcentralen Demo Gäller/ })
      .first();
    await consent.waitFor();
    expect(await consent.textContent()).toContain("Anna Andersson, skriftligt");
    await expectNoSeriousA11yViolations(page);

    // The disclosure on it: to the health centre's counsellors, reviewed by the caseworker.
    const disclosures = page.getByRole("region", { name: "Utlämnanden" });
    await disclosures.getByRole("button", { name: "Lämna ut uppgifter" }).click();
    const form = disclosures.getByRole("form", { name: "Lämna ut uppgifter" });
    await form
      .getByLabel("Mottagare i samverkansregistret")
      .selectOption({ label: "Vårdcentralen Demo" });
    await form.getByLabel("Enhet (frivilligt)").selectOption({ label: "Kuratorsmottagningen" });
    await form.getByLabel("Uppgifter", { exact: true }).fill(information);
    await form.getByLabel("Hur lämnas uppgifterna ut").selectOption({ label: "Krypterad e-post" });
    await form
      .getByRole("group", { name: "Vilket stöd har utlämnandet" })
      .getByRole("radio", { name: "Samtycke" })
      .check();
    const consentChoice = form.getByRole("combobox", { name: "Samtycke", exact: true });
    await consentChoice.selectOption({ index: 1 });
    await form
      .getByLabel("Prövningens slutsats")
      .fill("Anna har samtyckt till just dessa uppgifter. Adressen lämnas inte ut.");
    const made = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/disclosures"),
    );
    await form.getByRole("button", { name: "Lämna ut och skapa handlingen" }).click();
    expect((await made).status()).toBe(201);
    await expect.poll(() => statusText(page)).toContain("Utlämnandet är registrerat");
    const shown = disclosures.getByRole("article", {
      name: `Utlämnat ${day(0)} till Vårdcentralen Demo, Kuratorsmottagningen`,
    });
    await shown.first().waitFor();
    expect(await shown.first().textContent()).toContain("samtycke lämnat");
    expect(
      await shown.first().getByRole("link", { name: "Ladda ned handlingen (PDF)" }).count(),
    ).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // Her page lists what was disclosed about her.
    await page.getByRole("link", { name: "Anna Andersson" }).first().click();
    const onPage = page.getByRole("region", { name: "Utlämnanden" });
    await onPage
      .getByRole("link", { name: new RegExp(`^${day(0)}: till Vårdcentralen Demo`) })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    // A SIP with the health centre on the same consent, printed for the participants: the
    // print is headed as a secrecy-reviewed disclosure.
    await page.goto(`${baseURL}${casePath}`);
    await openSection(page, "Samverkan");
    const sip = page.getByRole("region", { name: "SIP – samordnad individuell plan" });
    await sip.getByRole("button", { name: "Upprätta SIP" }).click();
    const open = sip.getByRole("form", { name: "Upprätta SIP" });
    const choice = open.getByLabel("Samtycke");
    const written = choice.locator("option").filter({ hasText: "Vårdcentralen Demo" });
    await choice.selectOption({ value: (await written.first().getAttribute("value")) ?? "" });
    await open.getByRole("button", { name: "Upprätta SIP" }).click();
    await expect.poll(() => heading(page)).toBe("SIP");
    const print = page.getByRole("region", { name: "Skriv ut SIP (PDF)" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      print.getByRole("link", { name: "Skriv ut SIP (PDF)" }).click(),
    ]);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT");
    expect(text).toContain("Samordnad individuell plan för Anna Andersson");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
