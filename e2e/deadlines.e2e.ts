import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { registerPerson } from "./fixtures/persons.ts";

/*
 * Issue 11, item 4: a statutory last day on a day off moves to the next weekday under lag
 * (1930:173), and the page says why. A report of concern received Saturday 2026-10-31 has its
 * day 14 on Saturday 2026-11-14: the last day shown is Monday 2026-11-16, with the reason,
 * on the case page and on Att göra (where the row still counts as late from day 14).
 * The dates are facts in the past, so the journey reads the same whatever day it runs.
 */

// A fictional child: birth numbers 980–989 are not given to real people. This file only.
const childNine = "190315984";
const childNumber = `20${childNine.slice(0, 6)}-${childNine.slice(6)}${luhnCheckDigit(childNine)}`;
const child = { givenName: "Vera", familyName: "Fristdag" };
const reason = "Dag 14 (2026-11-14) är en lördag – sista dag enligt lag (1930:173)";
const shots = join(projectRoot, "test-results", "screenshots");

const journey: { casePath?: string; reference?: string } = {};

describe("a statutory last day moved past a weekend, with its reason", () => {
  const browser = useBrowser();

  it("the case page shows Monday 16 November as the preliminary assessment's last day, and why", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "barnhandlaggare");
    await registerPerson(page, { ...child, number: childNumber });

    const form = page.getByRole("form", { name: "Ny aktualisering" });
    await form
      .getByRole("group", { name: "Typ av aktualisering" })
      .getByLabel("Orosanmälan")
      .check();
    await form.getByLabel("Vem aktualiserade?").selectOption({ label: "Skolan" });
    await form.getByLabel("Kontaktväg").selectOption({ label: "Telefon" });
    const received = form.getByRole("group", { name: "Inkom" });
    await fillDate(received, "Datum", "2026-10-31");
    await received.getByLabel("Klockslag").fill("10:00");
    await form.getByRole("button", { name: "Registrera aktualisering" }).click();

    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.casePath = new URL(page.url()).pathname;
    journey.reference = ((await heading(page)) ?? "").replace(/^Ärende /, "");
    await openSection(page, "Aktualiseringar");
    const track = page.getByRole("region", { name: "Barnspåret" });
    await track.getByText("Förhandsbedömning senast 2026-11-16").waitFor();
    expect(await track.getByText(reason).textContent()).toBe(reason);
    await expectNoSeriousA11yViolations(page);
    mkdirSync(shots, { recursive: true });
    await track.screenshot({ path: join(shots, "deadline-moved-case.png") });
    expect(problems).toEqual([]);
  });

  it("Att göra lists it as late from day 14, showing the moved last day and why", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.reference).toBeTruthy();
    await login(page, baseURL, "barnhandlaggare");
    await expect.poll(() => heading(page)).toBe("Mina ärenden");
    const todo = page.getByRole("region", { name: "Att göra", exact: true });
    const late = todo.getByRole("table", { name: "Försenat" });
    const row = late.getByRole("row", {
      name: new RegExp(`Förhandsbedömning.*${journey.reference}`),
    });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("senast 2026-11-16");
    expect(text).toContain(reason);
    await expectNoSeriousA11yViolations(page);
    await row.screenshot({ path: join(shots, "deadline-moved-worklist.png") });
    expect(problems).toEqual([]);
  });
});
