import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * The multi-agency risk conference (issue 18, item 8): Sara Berg's latest danger assessment
 * is high, so her case meets the criteria; the caseworker refers it on a secrecy rule and the
 * referral shows the assessment as the server copied it (no re-keying). On the conference's
 * page she sets the meeting, adds the police with their contact and research, gives the
 * police's contact an action and follows it up as done, and opens what the police are shown. The case is the demo case of Sara Berg that the seed
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

    // The referral stands behind its button, which opens the form with the same name.
    await panel.getByRole("button", { name: "Anmäl till riskkonferens" }).click();
    const refer = panel.getByRole("form", { name: "Anmäl till riskkonferens" });
    // Her consent to share is offered as the other ground (the demo has one, given orally).
    await refer.getByRole("radio", { name: "Personens samtycke" }).check();
    await expect
      .poll(() => refer.getByLabel("Samtycke", { exact: true }).locator("option").count())
      .toBeGreaterThan(1);
    await refer.getByRole("radio", { name: "En sekretessbrytande regel" }).check();
    await refer
      .getByLabel("Sekretessbrytande regel", { exact: true })
      .selectOption("serious_crime");
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

    // The conference's own page: the meeting, an agency with its contact, the action plan.
    await panel.getByRole("link", { name: `Riskkonferens anmäld ${day(0)}` }).click();
    await expect.poll(() => heading(page)).toBe(`Riskkonferens, anmäld ${day(0)}`);
    expect(await page.getByRole("main").textContent()).toContain("Han söker henne via släkten.");
    await expectNoSeriousA11yViolations(page);

    const meeting = page.getByRole("form", { name: "Mötet" });
    await fillDate(meeting, "Mötesdag", day(2));
    await meeting.getByLabel("Dagordning").fill("1. Risken nu 2. Åtgärder");
    await meeting.getByRole("button", { name: "Spara mötet" }).click();
    await expect.poll(() => statusText(page)).toContain("Mötet är sparat.");

    await page.getByRole("button", { name: "Lägg till myndighet" }).click();
    const agency = page.getByRole("form", { name: "Lägg till myndighet" });
    await agency
      .getByLabel("Myndighet", { exact: true })
      .selectOption({ label: "Polisen, lokalpolisområde Demo" });
    await agency.getByLabel("Kent Fors (Relationsvåldsutredare)").check();
    await agency.getByLabel("Myndighetens efterforskning").fill("Två anmälningar i år.");
    await agency.getByRole("button", { name: "Lägg till myndighet" }).click();
    await expect.poll(() => statusText(page)).toContain("Myndigheten är tillagd.");
    const police = page.getByRole("article", { name: "Polisen, lokalpolisområde Demo" });
    expect(await police.textContent()).toContain("Två anmälningar i år.");

    const action = page.getByRole("form", { name: "Ny åtgärd" });
    await action.getByLabel("Åtgärd").fill("Ring Sara om larmet.");
    await action
      .getByLabel("Ansvarig")
      .selectOption({ label: "Kent Fors (Relationsvåldsutredare)" });
    await fillDate(action, "Klar senast", day(3));
    await action.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await expect.poll(() => statusText(page)).toContain("Åtgärden är tillagd.");
    const plan = page.getByRole("region", { name: "Handlingsplan" });
    await plan.getByText("Ring Sara om larmet.", { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);

    const followUp = plan.getByRole("form", { name: "Följ upp: Ring Sara om larmet." });
    await followUp.getByLabel("Anteckning om utfallet (frivilligt)").fill("Larmet är beställt.");
    await followUp.getByRole("button", { name: "Markera som klar" }).click();
    await expect.poll(() => statusText(page)).toContain("Åtgärden är markerad som klar.");
    expect(await plan.textContent()).toContain(`Klar ${day(0)}`);

    // What the police's participants see: the action they own, nothing of the assessment.
    await police
      .getByRole("button", { name: "Visa vad Polisen, lokalpolisområde Demo ser" })
      .click();
    const pack = police.getByText("Det här ser Polisen, lokalpolisområde Demo");
    await pack.waitFor();
    expect(await police.textContent()).toContain("Ring Sara om larmet.");
    await expectNoSeriousA11yViolations(page);
  });
});
