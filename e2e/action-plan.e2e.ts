import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * Issue 20, item 1: the unit manager keeps the committee's action plan. She adopts a plan,
 * adds a goal under Utredningsmetodik whose indicator Frid counts (adults under investigation
 * in the year), raises its target, follows the goal up for last year, and the plan shows the
 * follow-up with the value Frid counted — the same value the form showed her before she
 * saved. Choosing another year in the form shows that year's follow-up (none: empty fields),
 * and choosing last year again shows what she saved. The activity's owners offered are staff
 * who work cases or manage a unit; she hands the activity to a caseworker. When another manager changed the plan meanwhile, her
 * change is refused with the Swedish 409 message, the page reads the plan again, and saving
 * once more goes through. The demo's own plan is shown, and photographed, at the end.
 */
const title = "Handlingsplan mot våld i nära relationer";
const goal = "Fler våldsutsatta vuxna får sin situation utredd";
const lastYear = new Date().getFullYear() - 1;
const shots = join(projectRoot, "test-results", "screenshots");

describe("action plan: a goal with a computed indicator is followed up", () => {
  const browser = useBrowser();

  it("the unit manager adopts a plan, adds a goal and follows it up for last year", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await page.getByRole("navigation").getByRole("link", { name: "Handlingsplan" }).click();
    await expect.poll(() => heading(page)).toBe("Handlingsplan");
    await page.getByRole("heading", { name: "Handlingsplaner" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ny handlingsplan" }).click();
    const planForm = page.getByRole("form", { name: "Ny handlingsplan" });
    await planForm.getByLabel("Planens namn").fill(title);
    await planForm.getByLabel("Antagen av").fill("Socialnämnden");
    await planForm.getByLabel("Gäller från år").fill(String(lastYear));
    await planForm.getByLabel("Gäller till och med år").fill(String(lastYear + 3));
    await expectNoSeriousA11yViolations(page);
    await planForm.getByRole("button", { name: "Anta planen" }).click();
    await expect.poll(() => heading(page)).toBe(title);
    await page.getByRole("heading", { level: 2, name: "Utredningsmetodik" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Nytt mål" }).click();
    const goalForm = page.getByRole("form", { name: "Nytt mål" });
    await goalForm.getByLabel("Område").selectOption({ label: "Utredningsmetodik" });
    await goalForm.getByLabel("Mål", { exact: true }).fill(goal);
    await goalForm
      .getByLabel("Hur värdet tas fram")
      .selectOption({ label: "Vuxna personer aktuella för utredning under året" });
    await goalForm.getByLabel("Målvärde").fill("40");
    await goalForm.getByRole("button", { name: "Lägg till målet" }).click();
    await expect.poll(() => statusText(page)).toContain(`Målet ”${goal}” är tillagt.`);
    const goalCard = page.getByRole("article", { name: goal });
    await goalCard.getByText("Målet är inte uppföljt.").waitFor();

    // The target raised: the goal's card says the new one.
    await goalCard.getByRole("button", { name: `Ändra målet ${goal}` }).click();
    const goalEdit = page.getByRole("form", { name: `Ändra målet ${goal}` });
    expect(await goalEdit.getByLabel("Målvärde").inputValue()).toBe("40");
    await goalEdit.getByLabel("Målvärde").fill("45");
    await expectNoSeriousA11yViolations(page);
    await goalEdit.getByRole("button", { name: "Spara målet" }).click();
    await expect.poll(() => statusText(page)).toContain(`Målet ”${goal}” är ändrat.`);
    await goalCard.getByText(/målvärde 45 personer/).waitFor();

    await goalCard.getByRole("button", { name: `Följ upp ${goal}` }).click();
    const followUp = page.getByRole("form", { name: `Följ upp ${goal}` });
    await followUp.getByLabel("År", { exact: true }).selectOption(String(lastYear));
    const computed = followUp.getByLabel(`Frids beräknade värde för ${lastYear}`);
    await expect.poll(() => computed.inputValue()).toMatch(/^\d+ personer$/);
    const counted = await computed.inputValue();
    await followUp.getByLabel("Status").selectOption({ label: "Delvis uppnått" });
    await followUp
      .getByLabel("Vad som gjordes under året")
      .fill("Alla handläggare har gått utbildning i FREDA-bedömningar.");
    await expectNoSeriousA11yViolations(page);
    await followUp.getByRole("button", { name: "Spara uppföljningen" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain(`Uppföljningen av ”${goal}” för ${lastYear} är sparad.`);
    await goalCard
      .getByText(`${lastYear}: Delvis uppnått. Värde: ${counted} (beräknat av Frid)`)
      .waitFor();
    await expectNoSeriousA11yViolations(page);

    // Another year has no follow-up: the form empties; last year again brings back hers.
    const year = followUp.getByLabel("År", { exact: true });
    const done = followUp.getByLabel("Vad som gjordes under året");
    await year.selectOption(String(lastYear + 1));
    await expect.poll(() => done.inputValue()).toBe("");
    expect(await followUp.getByLabel("Status").inputValue()).toBe("");
    await expectNoSeriousA11yViolations(page);
    await year.selectOption(String(lastYear));
    await expect
      .poll(() => done.inputValue())
      .toBe("Alla handläggare har gått utbildning i FREDA-bedömningar.");
    expect(await followUp.getByLabel("Status").inputValue()).toBe("partly_reached");
    mkdirSync(shots, { recursive: true });
    await goalCard.screenshot({ path: join(shots, "action-plan-goal-follow-up.png") });

    // An activity for the goal, then marked done where it is listed.
    await goalCard.getByRole("button", { name: `Ny aktivitet för ${goal}` }).click();
    const activityForm = page.getByRole("form", { name: `Ny aktivitet för ${goal}` });
    const owners = await activityForm.getByLabel("Ansvarig").locator("option").allTextContents();
    expect(owners).toContain("Lina Ek");
    expect(owners).not.toContain("Analytiker Demo");
    expect(owners).not.toContain("Systemförvaltare Demo");
    await activityForm.getByLabel("Aktivitet").fill("Utbildning i FREDA för alla handläggare");
    await activityForm.getByLabel("Ansvarig").selectOption({ label: "Maria Strand" });
    await fillDate(activityForm, "Klar senast", day(30));
    await activityForm.getByRole("button", { name: "Lägg till aktiviteten" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Aktiviteten ”Utbildning i FREDA för alla handläggare” är tillagd.");
    const activityStatus = goalCard.getByRole("form", {
      name: "Status för Utbildning i FREDA för alla handläggare",
    });
    await activityStatus.getByLabel("Status för").selectOption({ label: "Klar" });
    await activityStatus.getByRole("button", { name: /^Spara status/ }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Aktiviteten ”Utbildning i FREDA för alla handläggare” har status klar.");
    await expectNoSeriousA11yViolations(page);

    // The activity handed over: another owner and a later day, its status kept.
    await goalCard
      .getByRole("button", { name: "Ändra Utbildning i FREDA för alla handläggare" })
      .click();
    const activityEdit = page.getByRole("form", {
      name: "Ändra Utbildning i FREDA för alla handläggare",
    });
    await activityEdit.getByLabel("Ansvarig").selectOption({ label: "Lina Ek" });
    await fillDate(activityEdit, "Klar senast", day(60));
    await expectNoSeriousA11yViolations(page);
    await activityEdit.getByRole("button", { name: "Spara aktiviteten" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Aktiviteten ”Utbildning i FREDA för alla handläggare” är ändrad.");
    await goalCard
      .getByText(/Utbildning i FREDA för alla handläggare – Lina Ek, klar senast/)
      .waitFor();

    // Another unit manager adds an area while her form is open: her change is made from an
    // older version, so it is refused, and the page shows the plan as it is now.
    await page.getByRole("button", { name: "Nytt eget område" }).click();
    const areaForm = page.getByRole("form", { name: "Nytt eget område" });
    await areaForm.getByLabel("Områdets namn").fill("Våld i ungas nära relationer");
    const other = await browser().newPage();
    await login(other, baseURL, "barnchef", new URL(page.url()).pathname);
    await other.getByRole("button", { name: "Nytt eget område" }).click();
    const otherForm = other.getByRole("form", { name: "Nytt eget område" });
    await otherForm.getByLabel("Områdets namn").fill("Hedersrelaterat våld");
    await otherForm.getByRole("button", { name: "Lägg till området" }).click();
    await expect
      .poll(() => statusText(other))
      .toContain("Området ”Hedersrelaterat våld” är tillagt.");
    await areaForm.getByRole("button", { name: "Lägg till området" }).click();
    await areaForm.getByRole("alert").getByText("Någon annan har ändrat handlingsplanen").waitFor();
    await page.getByRole("heading", { level: 2, name: "Hedersrelaterat våld" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await areaForm.getByRole("button", { name: "Lägg till området" }).click();
    await page.getByRole("heading", { level: 2, name: "Våld i ungas nära relationer" }).waitFor();

    await page.getByRole("link", { name: "Alla handlingsplaner" }).click();
    await page.getByRole("link", { name: title }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // The demo's plan: a goal in each area, followed up for last year.
    await page
      .getByRole("link", { name: "Socialnämndens plan mot våld i nära relationer" })
      .click();
    const mapping = page.getByRole("article", { name: "Kartlägga våldets omfattning i kommunen" });
    await mapping.getByText(`${lastYear}: Inte uppnått. Värde: 6 verksamheter`).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: join(shots, "action-plan-demo.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
