import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * SIP (issue 18, item 6): Sara Berg's worker finds the demo's SIP in the case's Samverkan
 * section, opens a new one on Sara's consent to share with Vårdcentralen Demo, adds the
 * health centre's counsellor from the directory, Sara's goal in her own words and the
 * counsellor's responsibility, saves it, and prints it for the participants: the PDF holds
 * the goal and the responsibility and neither her identity number nor an address. The new
 * plan's responsibility lies two months ahead, so Att göra of the other journeys is as before.
 */

const goal = "Jag vill orka gå till jobbet tre dagar i veckan.";
const task = "Samtalskontakt varannan vecka hos kuratorn.";

describe("a SIP with the region, on her consent", () => {
  const browser = useBrowser();

  it("a caseworker opens a SIP, fills it in and prints it for the participants", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare2");
    const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
    await mine.getByRole("row").filter({ hasText: "Sara Berg" }).first().getByRole("link").click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    await openSection(page, "Samverkan");
    const panel = page.getByRole("region", { name: "SIP – samordnad individuell plan" });
    // The demo's plan with the health centre and psychiatry is listed.
    expect(await panel.getByRole("list", { name: "Ärendets SIP:ar" }).textContent()).toContain(
      "Vuxenpsykiatrin Demo",
    );
    await expectNoSeriousA11yViolations(page);

    await panel.getByRole("button", { name: "Upprätta SIP" }).click();
    const open = panel.getByRole("form", { name: "Upprätta SIP" });
    await open.getByLabel("Samtycke").selectOption({ index: 1 });
    expect(await open.getByLabel("Samtycke").inputValue()).not.toBe("");
    const chosen = await open.getByLabel("Samtycke").locator("option:checked").textContent();
    expect(chosen).toContain("Vårdcentralen Demo");
    await open.getByRole("button", { name: "Upprätta SIP" }).click();
    await expect.poll(() => heading(page)).toBe("SIP");
    const agencies = page.getByRole("region", { name: "Myndigheter som tar del av planen" });
    expect(await agencies.textContent()).toContain("Vårdcentralen Demo – samtycket gäller");

    const form = page.getByRole("form", { name: "SIP – samordnad individuell plan" });
    await form.getByRole("button", { name: "Lägg till deltagare" }).click();
    const counsellor = form.getByRole("group", { name: "Deltagare 1" });
    await counsellor.getByLabel("Myndighet").selectOption({ label: "Vårdcentralen Demo" });
    await counsellor
      .getByLabel("Kontaktperson i katalogen")
      .selectOption({ label: "Helena Vik, Kurator" });
    expect(await counsellor.getByLabel("Namn").inputValue()).toBe("Helena Vik");
    await form.getByLabel("Huvudansvarig").selectOption({ label: "Helena Vik" });

    await form.getByRole("button", { name: "Lägg till mål" }).click();
    await form.getByLabel("Mål 1").fill(goal);
    await form.getByRole("button", { name: "Lägg till åtagande" }).click();
    const responsibility = form.getByRole("group", { name: "Åtagande 1" });
    await responsibility.getByLabel("Vad ska göras").fill(task);
    await responsibility.getByLabel("Ansvarig").selectOption({ label: "Helena Vik" });
    await fillDate(responsibility, "Klart senast", day(60));
    await expectNoSeriousA11yViolations(page);

    await form.getByRole("button", { name: "Spara planen" }).click();
    await expect.poll(() => statusText(page)).toContain("Planen är sparad.");
    await page.getByText(/Version 2, sparad/).waitFor();

    const print = page.getByRole("region", { name: "Skriv ut SIP (PDF)" });
    expect(await print.textContent()).toContain("registreras som ett utlämnande");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      print.getByRole("link", { name: "Skriv ut SIP (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sip-.+\.pdf$/);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain(goal);
    expect(text).toContain(task);
    expect(text).toContain("Helena Vik");
    expect(text).not.toMatch(/19880704-?9849/);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
