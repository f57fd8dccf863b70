import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";

/*
 * The administrator's login settings (issue 21): a provider added, changed and disabled; the
 * refusal to turn passwords off without a break-glass account (nothing changes, so the other
 * journeys still log in with passwords); accounts imported from a CSV file, dry run first;
 * an imported account given an HSA-id and a personal identity number on its page. Names
 * carry this run's stamp: the journeys share one database.
 */
const stamp = Date.now().toString(36);
const providerName = `Journey-IdP ${stamp}`;
const imported = [
  { username: `import.alva.${stamp}`, name: `Alva Importsson ${stamp}` },
  { username: `import.bror.${stamp}`, name: `Bror Importsson ${stamp}` },
];
const csv = [
  "name,username,email,roles,unit,hsa_id,personal_identity_number",
  `${imported[0]?.name},${imported[0]?.username},alva.${stamp}@demokommun.example,caseworker,IFO Vuxen,,`,
  `${imported[1]?.name},${imported[1]?.username},bror.${stamp}@demokommun.example,analyst,,,`,
].join("\r\n");

/** The text an input's aria-describedby points at (its hint and its error). */
async function description(page: Page, label: string) {
  const ids =
    (await page.getByLabel(label, { exact: true }).getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(
    ids.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(" ");
}

describe("administration of login", () => {
  const browser = useBrowser();

  it("adds, changes and disables a provider, and is refused turning passwords off", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin", "/admin");
    await page.getByRole("link", { name: "Inställningar för inloggning" }).click();
    await expect.poll(() => heading(page)).toBe("Inloggning");
    await expectNoSeriousA11yViolations(page);

    const form = page.getByRole("form", { name: "Lägg till identitetsleverantör" });
    await form.getByLabel("Namn på inloggningsknappen").fill(providerName);
    await form.getByLabel("Utfärdare (issuer)").fill("inte en adress");
    await form.getByLabel("Klient-id").fill("frid-journey");
    await form.getByLabel("Miljövariabel med klienthemligheten").fill("DATABASE_URL");
    expect(await form.getByLabel("Krav på tillitsnivå (acr-värden)").inputValue()).toBe(
      "http://id.elegnamnden.se/loa/1.0/loa3",
    );
    await form.getByRole("button", { name: "Lägg till identitetsleverantör" }).click();
    await expect
      .poll(() => description(page, "Utfärdare (issuer)"))
      .toContain("utfärdarens adress");
    expect(await description(page, "Miljövariabel med klienthemligheten")).toContain(
      "FRID_OIDC_SECRET_",
    );
    await expectNoSeriousA11yViolations(page);

    await form.getByLabel("Utfärdare (issuer)").fill(`https://idp-${stamp}.example`);
    await form.getByLabel("Miljövariabel med klienthemligheten").fill("FRID_OIDC_SECRET_JOURNEY");
    await form.getByRole("button", { name: "Lägg till identitetsleverantör" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Identitetsleverantören ${providerName} är tillagd.` })
      .waitFor();
    const table = page.getByRole("table", { name: "Organisationens identitetsleverantörer" });
    const row = table.getByRole("row", { name: new RegExp(providerName) });
    expect(await row.textContent()).toContain("FRID_OIDC_SECRET_JOURNEY saknas i serverns miljö");

    await page.getByRole("button", { name: `Ändra ${providerName}` }).click();
    const edit = page.getByRole("form", { name: `Ändra ${providerName}` });
    await edit.getByLabel("Sorts identifierare").selectOption({ label: "E-postadress" });
    expect(await edit.getByLabel("Claim med identifieraren").inputValue()).toBe("email");
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Ändringarna i ${providerName} är sparade.` })
      .waitFor();
    await expect.poll(() => row.textContent()).toContain("E-postadress");

    await page.getByRole("button", { name: `Stäng av ${providerName}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${providerName} är avstängd.` })
      .waitFor();
    await expect.poll(() => row.textContent()).toContain("Avstängd");

    // The demo organisation has no break-glass account: Frid refuses, and says why.
    await page.getByRole("button", { name: "Stäng av inloggning med lösenord" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "aktivt nödkonto" });
    await refusal.waitFor();
    expect(await page.getByText("Personalen får logga in med lösenord").count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("imports accounts from a CSV file: a dry run, then the file applied", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin", "/admin");
    const section = page.getByRole("region", { name: "Importera konton från fil" });
    await section.getByRole("button", { name: "Provkör importen" }).click();
    await expect.poll(() => description(page, "CSV-fil")).toContain("Välj en CSV-fil.");

    await section.getByLabel("CSV-fil").setInputFiles({
      name: "personal.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await section.getByRole("button", { name: "Provkör importen" }).click();
    const dryRun = section.getByRole("table", { name: /^Provkörning: 2 skapas/ });
    await dryRun.waitFor();
    expect(
      await dryRun
        .getByRole("row", { name: new RegExp(imported[0]?.username ?? "") })
        .textContent(),
    ).toContain("Skapas");
    await expectNoSeriousA11yViolations(page);

    await section.getByRole("button", { name: "Importera filen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Importen är klar. Skapade: 2, ändrade: 0, oförändrade: 0." })
      .waitFor();
    const users = page.getByRole("table", { name: "Användare i organisationen" });
    await users.getByRole("row", { name: new RegExp(imported[1]?.name ?? "") }).waitFor();

    // The same file again: every account is already as the file says.
    await section.getByRole("button", { name: "Provkör importen" }).click();
    await section.getByRole("table", { name: /2 oförändrade/ }).waitFor();
    expect(await section.getByRole("button", { name: /^Importera/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("gives an imported account an HSA-id and a personal identity number, shown masked", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "admin", "/admin");
    await page.getByRole("link", { name: imported[0]?.name }).click();
    await expect.poll(() => heading(page)).toBe(imported[0]?.name);
    const list = page.getByRole("list", { name: "Identifierare" });
    expect(await list.textContent()).toContain(`E-postadress: alva.${stamp}@demokommun.example`);

    const form = page.getByRole("form", { name: "Lägg till identifierare" });
    await form.getByLabel("Värde").fill("inte ett hsa id!");
    await form.getByRole("button", { name: "Lägg till identifierare" }).click();
    await expect.poll(() => description(page, "Värde")).toContain("Ett HSA-id har bokstäver");
    await form.getByLabel("Värde").fill(`SE2321000016-${stamp}`);
    await form.getByRole("button", { name: "Lägg till identifierare" }).click();
    await page.getByRole("status").filter({ hasText: "Identifieraren är tillagd." }).waitFor();
    await expect
      .poll(() => list.textContent())
      .toContain(`HSA-id: SE2321000016-${stamp.toUpperCase()}`);

    await form.getByLabel("Sorts identifierare").selectOption({ label: "Personnummer" });
    await form.getByLabel("Värde").fill("19121212-1212");
    await form.getByRole("button", { name: "Lägg till identifierare" }).click();
    await expect.poll(() => list.textContent()).toContain("Personnummer: sparat (visas inte)");
    expect(await page.content()).not.toContain("19121212");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
