import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { dateText, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { statusText } from "./fixtures/page.ts";

/*
 * Issue 20, item 1: the committee changed its plan. The unit manager opens the plan from the
 * list, gives it the name and adoption day the committee decided, and renames the plan's own
 * area; both stand after the page is read again. Meanwhile another unit manager changes who
 * adopted the plan: her next change of the plan's head is refused with the Swedish 409
 * message, the page shows the plan as it is now, and saving once more keeps his change (the
 * adopter he wrote) beside hers (the name she wrote) — nothing he was told was saved is lost.
 * The same holds for a goal (his target, her name) and for an activity whose status she set
 * where it is listed while its change form stood open.
 */
const thisYear = new Date().getFullYear();
const firstTitle = "Plan mot våld i nära relationer – utkast";
const newTitle = "Plan mot våld i nära relationer 2025–2028";
const ownArea = "Våld mot äldre";
const renamedArea = "Våld mot äldre och personer med funktionsnedsättning";
const adoptedOn = `${thisYear}-02-12`;
const newAdoptedOn = `${thisYear}-03-19`;
const conflict = "Någon annan har ändrat handlingsplanen under tiden.";
const period = `${thisYear}–${thisYear + 3}`;
const goalTitle = "Samverkan med polisen i varje ärende";
const activityTitle = "Möte med polisens brottsoffersamordnare";
const shots = join(projectRoot, "test-results", "screenshots");

/** A plan with an own area, made through the API as the signed-in manager (her earlier work). */
async function existingPlan(page: Page, baseURL: string, title: string) {
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const created = await page.request.post(`${baseURL}/api/action-plans`, {
    data: {
      title,
      adoptedBy: "Socialnämnden",
      adoptedOn,
      fromYear: thisYear,
      toYear: thisYear + 3,
    },
    headers,
  });
  expect(created.status()).toBe(201);
  const plan = (await created.json()) as { id: string; version: number };
  const area = await page.request.post(`${baseURL}/api/action-plans/${plan.id}/areas`, {
    data: { title: ownArea, version: plan.version },
    headers,
  });
  expect(area.status()).toBe(201);
  return `/action-plans/${plan.id}`;
}

interface PlanBody {
  version: number;
  areas: { id: string; kind: string; goals: { id: string }[] }[];
  staff: { id: string; name: string }[];
}

/**
 * A goal under Samverkan (a target of 10 meetings, entered by hand) with one planned activity
 * of hers, added through the API to the plan at `path` as the signed-in manager.
 */
async function goalWithActivity(page: Page, baseURL: string, path: string) {
  const url = `${baseURL}/api${path}`;
  const me = await page.request.get(`${baseURL}/api/me`);
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  let plan = (await (await page.request.get(url)).json()) as PlanBody;
  const goal = await page.request.post(`${url}/goals`, {
    data: {
      areaId: plan.areas.find((a) => a.kind === "collaboration")?.id,
      title: goalTitle,
      indicator: { name: "Samverkansmöten", unit: "möten", target: 10, code: null },
      version: plan.version,
    },
    headers,
  });
  expect(goal.status()).toBe(201);
  plan = (await goal.json()) as PlanBody;
  const activity = await page.request.post(`${url}/activities`, {
    data: {
      goalId: plan.areas.flatMap((a) => a.goals)[0]?.id,
      title: activityTitle,
      ownerId: plan.staff.find((s) => s.name === "Maria Strand")?.id,
      dueOn: `${thisYear + 1}-05-31`,
      status: "planned",
      version: plan.version,
    },
    headers,
  });
  expect(activity.status()).toBe(201);
}

/** The line under the plan's name: who adopted it, when, and the period. */
function adoptedLine(page: Page) {
  return page
    .locator("p")
    .getByText(/^Antagen av /)
    .textContent();
}

/** Reads the page again from the server, as a reload of the browser does, and waits for it. */
async function reload(page: Page, title: string) {
  await page.reload();
  await expect.poll(() => heading(page)).toBe(title);
}

describe("action plan: the plan's head and an own area are changed", () => {
  const browser = useBrowser();

  it("the manager renames the plan, moves its adoption day and renames an area", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "enhetschef");
    await existingPlan(page, baseURL, firstTitle);
    await page.getByRole("navigation").getByRole("link", { name: "Handlingsplan" }).click();
    await page.getByRole("link", { name: firstTitle }).click();
    await expect.poll(() => heading(page)).toBe(firstTitle);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ändra planen" }).click();
    const headForm = page.getByRole("form", { name: "Ändra planen" });
    expect(await headForm.getByLabel("Planens namn").inputValue()).toBe(firstTitle);
    expect(await dateText(headForm, "Antagen den")).toBe(adoptedOn);
    await headForm.getByLabel("Planens namn").fill(newTitle);
    await fillDate(headForm, "Antagen den", newAdoptedOn);
    await expectNoSeriousA11yViolations(page);
    await headForm.getByRole("button", { name: "Spara planen" }).click();
    await expect.poll(() => statusText(page)).toContain(`Handlingsplanen ”${newTitle}” är ändrad.`);
    await expect.poll(() => heading(page)).toBe(newTitle);
    await expect
      .poll(() => adoptedLine(page))
      .toBe(`Antagen av Socialnämnden ${newAdoptedOn}, ${period}`);

    await reload(page, newTitle);
    expect(await adoptedLine(page)).toBe(`Antagen av Socialnämnden ${newAdoptedOn}, ${period}`);
    await page.getByRole("button", { name: "Ändra planen" }).click();
    expect(await dateText(page.getByRole("form", { name: "Ändra planen" }), "Antagen den")).toBe(
      newAdoptedOn,
    );
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: `Byt namn på ${ownArea}` }).click();
    const areaForm = page.getByRole("form", { name: `Byt namn på ${ownArea}` });
    expect(await areaForm.getByLabel("Områdets namn").inputValue()).toBe(ownArea);
    await areaForm.getByLabel("Områdets namn").fill(renamedArea);
    await expectNoSeriousA11yViolations(page);
    await areaForm.getByRole("button", { name: "Spara namnet" }).click();
    await expect.poll(() => statusText(page)).toContain(`Området heter nu ”${renamedArea}”.`);
    await page.getByRole("heading", { level: 2, name: renamedArea }).waitFor();

    await reload(page, newTitle);
    await page.getByRole("heading", { level: 2, name: renamedArea }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: ownArea, exact: true }).count()).toBe(
      0,
    );
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a change made from an older plan is refused in Swedish and keeps the other's change", async () => {
    const { page, baseURL, problems, newPage } = browser();
    const title = "Plan mot våld i nära relationer – remiss";
    const herTitle = "Plan mot våld i nära relationer – antagen";
    const hisArea = "Våld i äldres nära relationer";
    await login(page, baseURL, "enhetschef");
    const path = await existingPlan(page, baseURL, title);
    await page.goto(`${baseURL}${path}`);
    await expect.poll(() => heading(page)).toBe(title);

    // She begins renaming the plan; he opens it in his own browser.
    await page.getByRole("button", { name: "Ändra planen" }).click();
    const headForm = page.getByRole("form", { name: "Ändra planen" });
    await headForm.getByLabel("Planens namn").fill(herTitle);
    const other = await newPage();
    await login(other, baseURL, "barnchef", path);
    await expect.poll(() => heading(other)).toBe(title);
    await other.getByRole("button", { name: `Byt namn på ${ownArea}` }).click();
    const areaForm = other.getByRole("form", { name: /^Byt namn på / });
    await areaForm.getByLabel("Områdets namn").fill(hisArea);

    // He writes who adopted the plan and saves before she does.
    await other.getByRole("button", { name: "Ändra planen" }).click();
    const hisHead = other.getByRole("form", { name: "Ändra planen" });
    await hisHead.getByLabel("Antagen av").fill("Kommunfullmäktige");
    await hisHead.getByRole("button", { name: "Spara planen" }).click();
    await expect.poll(() => statusText(other)).toContain(`Handlingsplanen ”${title}” är ändrad.`);

    // Her change is refused; the page shows the plan as he left it.
    await headForm.getByRole("button", { name: "Spara planen" }).click();
    await headForm.getByRole("alert").getByText(conflict).waitFor();
    await expect
      .poll(() => adoptedLine(page))
      .toBe(`Antagen av Kommunfullmäktige ${adoptedOn}, ${period}`);
    expect(await heading(page)).toBe(title);
    await expectNoSeriousA11yViolations(page);

    // The form keeps the name she wrote and shows his adopter, so saving again keeps both.
    expect(await headForm.getByLabel("Planens namn").inputValue()).toBe(herTitle);
    await expect
      .poll(() => headForm.getByLabel("Antagen av").inputValue())
      .toBe("Kommunfullmäktige");
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "action-plan-stale-head.png"), fullPage: true });
    await headForm.getByRole("button", { name: "Spara planen" }).click();
    await expect.poll(() => statusText(page)).toContain(`Handlingsplanen ”${herTitle}” är ändrad.`);
    await expect.poll(() => heading(page)).toBe(herTitle);
    expect(await adoptedLine(page)).toBe(`Antagen av Kommunfullmäktige ${adoptedOn}, ${period}`);

    // His page still shows the plan before her change: his new area name is refused in turn.
    await areaForm.getByRole("button", { name: "Spara namnet" }).click();
    await areaForm.getByRole("alert").getByText(conflict).waitFor();
    await expect.poll(() => heading(other)).toBe(herTitle);
    expect(await areaForm.getByLabel("Områdets namn").inputValue()).toBe(hisArea);
    await expectNoSeriousA11yViolations(other);
    await areaForm.getByRole("button", { name: "Spara namnet" }).click();
    await expect.poll(() => statusText(other)).toContain(`Området heter nu ”${hisArea}”.`);

    await reload(page, herTitle);
    expect(await adoptedLine(page)).toBe(`Antagen av Kommunfullmäktige ${adoptedOn}, ${period}`);
    await page.getByRole("heading", { level: 2, name: hisArea }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a goal and an activity changed in forms opened before the plan changed", async () => {
    const { page, baseURL, problems, newPage } = browser();
    const title = "Plan mot våld i nära relationer – samverkan";
    const herGoal = "Samverkan med polisen och åklagaren i varje ärende";
    const herActivity = "Möte med polisens och åklagarens samordnare";
    await login(page, baseURL, "enhetschef");
    const path = await existingPlan(page, baseURL, title);
    await goalWithActivity(page, baseURL, path);
    await page.goto(`${baseURL}${path}`);
    await expect.poll(() => heading(page)).toBe(title);
    const card = page.getByRole("article", { name: goalTitle });
    await card.getByText(/målvärde 10 möten/).waitFor();

    // She begins renaming the goal; he raises its target before she saves.
    await card.getByRole("button", { name: `Ändra målet ${goalTitle}` }).click();
    const goalForm = page.getByRole("form", { name: `Ändra målet ${goalTitle}` });
    await goalForm.getByLabel("Mål", { exact: true }).fill(herGoal);
    const other = await newPage();
    await login(other, baseURL, "barnchef", path);
    const hisCard = other.getByRole("article", { name: goalTitle });
    await hisCard.getByRole("button", { name: `Ändra målet ${goalTitle}` }).click();
    const hisForm = other.getByRole("form", { name: `Ändra målet ${goalTitle}` });
    await hisForm.getByLabel("Målvärde").fill("12");
    await hisForm.getByRole("button", { name: "Spara målet" }).click();
    await expect.poll(() => statusText(other)).toContain(`Målet ”${goalTitle}” är ändrat.`);

    // Refused; saved again, the goal has her name and his target.
    await goalForm.getByRole("button", { name: "Spara målet" }).click();
    await goalForm.getByRole("alert").getByText(conflict).waitFor();
    await card.getByText(/målvärde 12 möten/).waitFor();
    await expect.poll(() => goalForm.getByLabel("Målvärde").inputValue()).toBe("12");
    await expectNoSeriousA11yViolations(page);
    await goalForm.getByRole("button", { name: "Spara målet" }).click();
    await expect.poll(() => statusText(page)).toContain(`Målet ”${herGoal}” är ändrat.`);
    const herCard = page.getByRole("article", { name: herGoal });
    await herCard.getByText(/målvärde 12 möten/).waitFor();

    // Her own change of the activity's status, made while its change form stood open, is
    // not taken back when the form is saved: the form shows the status the plan has now.
    await herCard.getByRole("button", { name: `Ändra ${activityTitle}` }).click();
    const activityForm = page.getByRole("form", { name: `Ändra ${activityTitle}` });
    await activityForm.getByLabel("Aktivitet").fill(herActivity);
    const statusForm = herCard.getByRole("form", { name: `Status för ${activityTitle}` });
    await statusForm.getByLabel("Status för").selectOption({ label: "Pågår" });
    await statusForm.getByRole("button", { name: /^Spara status/ }).click();
    await expect
      .poll(() => statusText(page))
      .toContain(`Aktiviteten ”${activityTitle}” har status pågår.`);
    await expect.poll(() => activityForm.getByLabel("Status").inputValue()).toBe("ongoing");
    await activityForm.getByRole("button", { name: "Spara aktiviteten" }).click();
    await expect.poll(() => statusText(page)).toContain(`Aktiviteten ”${herActivity}” är ändrad.`);

    await reload(page, title);
    const saved = page.getByRole("article", { name: herGoal });
    await saved.getByText(/målvärde 12 möten/).waitFor();
    await saved.getByText(new RegExp(`^${herActivity} – Maria Strand, .* – Pågår`)).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
