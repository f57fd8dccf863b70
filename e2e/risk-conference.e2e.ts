import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * The multi-agency risk conference (issue 18, item 8): Sara Berg's latest danger assessment
 * is high, so her case meets the criteria; the caseworker refers it on a secrecy rule and the
 * referral shows the assessment as the server copied it (no re-keying). She adds an action of
 * her own and follows it up as done. The case is the demo case of Sara Berg that the seed
 * gives handlaggare2 (already with one held conference: the new referral is flagged a repeat).
 */

describe("a high-risk case becomes a risk conference referral", () => {
  const browser = useBrowser();

  it("refers with the assessment prefilled, assigns an action and follows it up", async () => {
    const { page, baseURL } = browser();
    await login(page, baseURL, "handlaggare2");
    const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
    await mine.waitFor();
    await mine.getByRole("row").filter({ hasText: "Sara Berg" }).first().getByRole("link").click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    await openSection(page, "Samverkan");

    const panel = page.getByRole("region", { name: "Riskkonferens" });
    await panel.getByText("Ärendet uppfyller kriterierna för riskkonferens.").waitFor();
    expect(await panel.textContent()).toContain("räknas som hög risk");
    expect(await panel.textContent()).toContain("Upprepning");
    await expectNoSeriousA11yViolations(page);

    const refer = panel.getByRole("form", { name: "Anmäl till riskkonferens" });
    await refer.getByLabel("Sekretessbrytande regel").selectOption("serious_crime");
    await refer.getByLabel("Ditt tillägg (frivilligt)").fill("Han söker henne via släkten.");
    const sent = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/risk-conferences"),
    );
    await refer.getByRole("button", { name: "Anmäl till riskkonferens" }).click();
    expect((await sent).status()).toBe(201);
    await expect.poll(() => statusText(page)).toContain("Ärendet är anmält till riskkonferens.");
    const referral = panel.getByRole("article", { name: `Anmäld ${day(0)}` });
    await referral.waitFor();
    const text = (await referral.textContent()) ?? "";
    expect(text).toContain("Riskbedömning i anmälan");
    expect(text).toMatch(/Farlighetsbedömning, \d{4}-\d{2}-\d{2}: nivå Hög/);
    expect(text).toContain("Hon bor skyddat, men han söker henne via släkten");
    await expectNoSeriousA11yViolations(page);

    const action = referral.getByRole("form", { name: "Ny åtgärd (du är ansvarig)" });
    await action.getByLabel("Åtgärd").fill("Ring Sara om larmet.");
    await fillDate(action, "Klar senast", day(3));
    await action.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await expect.poll(() => statusText(page)).toContain("Åtgärden är tillagd.");
    await referral.getByText("Ring Sara om larmet.", { exact: false }).waitFor();

    await referral.getByRole("button", { name: "Markera som klar" }).click();
    await expect.poll(() => statusText(page)).toContain("Åtgärden är markerad som klar.");
    expect(await referral.textContent()).toContain(`Klar ${day(0)}`);
    await expectNoSeriousA11yViolations(page);
  });
});
