import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { heading, login } from "./fixtures/login.ts";
import { statusText } from "./fixtures/page.ts";

/*
 * Issue 19, item 6: break-glass and its review. An adult-unit caseworker (Omar Nilsson) must
 * see a case of the children's unit in an emergency: Nödåtkomst from Mina ärenden, the
 * reference and a reason, and the case opens read only under the banner "Nödåtkomst – endast
 * läsning, upphör kl. HH:MM". The children's unit manager finds the access on Att göra på
 * enheten, reads who, why and what was read, and concludes it — refused without a note when
 * "not justified" — and the line leaves Att göra.
 */
const reason = "Polisen ringer om ett akut hot mot barnet och barnets handläggare nås inte.";
const reference = /\d{4}-[A-Z]*\d{3,}/;

describe("break-glass: the emergency access and its review", () => {
  const browser = useBrowser();

  it("a caseworker reads a case outside her access; the manager reviews it", async () => {
    const { page, baseURL, problems, newPage } = browser();

    // The reference of a case of the children's unit, as its manager's list shows it.
    const manager = await newPage();
    await login(manager, baseURL, "barnchef");
    const all = manager.getByRole("region", { name: "Alla ärenden på enheten" });
    const firstCase = all.getByRole("link", { name: reference }).first();
    await firstCase.waitFor();
    const ref = reference.exec((await firstCase.textContent()) ?? "")?.[0] ?? "";
    expect(ref).not.toBe("");

    await login(page, baseURL, "handlaggare2");
    await page.getByRole("link", { name: "Nödåtkomst" }).click();
    await expect.poll(() => heading(page)).toBe("Nödåtkomst");
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Ärendets diarienummer").fill(ref);
    await page.getByLabel("Varför behöver du se ärendet nu?").fill("Akut.");
    await page.getByRole("button", { name: "Öppna nödåtkomst" }).click();
    await page.getByText("i minst en mening", { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Varför behöver du se ärendet nu?").fill(reason);
    await page.getByRole("button", { name: "Öppna nödåtkomst" }).click();
    await page.getByText(/Nödåtkomst – endast läsning, upphör kl\. \d{2}:\d{2}/).waitFor();
    expect(await heading(page)).toContain(ref);
    await expectNoSeriousA11yViolations(page);

    // The manager: the line on Att göra på enheten, the review, the conclusion.
    await manager.reload();
    const unitTodo = manager.getByRole("region", { name: "Att göra på enheten" });
    const line = unitTodo.getByRole("link", { name: new RegExp(`${ref} – Omar Nilsson`) });
    await line.waitFor();
    await line.click();
    await expect.poll(() => heading(manager)).toBe("Granskning av nödåtkomst");
    await manager.getByText(reason).waitFor();
    await manager.getByRole("cell", { name: "Läste ärende", exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(manager);

    await manager.getByLabel("Inte befogad").check();
    await manager.getByRole("button", { name: "Spara slutsatsen" }).click();
    await manager
      .getByText("Skriv varför åtkomsten inte var befogad", { exact: false })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(manager);
    await manager.getByLabel("Anteckning").fill("Barnets handläggare hade jour och kunde nås.");
    await manager.getByRole("button", { name: "Spara slutsatsen" }).click();
    await expect.poll(() => statusText(manager)).toContain("Slutsatsen är sparad.");
    await manager.getByText("Granskad av Nadia Karlsson", { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(manager);

    await manager.getByRole("navigation").getByRole("link", { name: "Mina ärenden" }).click();
    await unitTodo.waitFor();
    expect(await unitTodo.getByRole("link", { name: new RegExp(`${ref} – Omar`) }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
