import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";
import { recordApplication, registerPerson } from "./fixtures/persons.ts";

/*
 * The safety plan (säkerhetsplan) and risk over time: a caseworker records an application,
 * which opens a case; makes the case's safety plan with a measure for the client and one for
 * her child; changes it into version 2; reads version 1 from the history; is told when a
 * colleague saved meanwhile; downloads the PDF to hand over; and sees the person's completed
 * risk assessments over time on the person page, as a chart and as a table. The person is
 * this file's own; the steps run in order and share the case's address.
 */

// A fictional person: birth numbers 980–989 are not given to real people. 980 is used by
// this file only (not by the demo data either).
const personNine = "930512980";
const personNumber = `19${personNine.slice(0, 6)}-${personNine.slice(6)}${luhnCheckDigit(personNine)}`;
const person = { givenName: "Sigrid", familyName: "Planström" };

const safePlace = "Hos systern Karin på Storgatan 4. Nyckel finns hos grannen.";
const pickUp = "Förskolan vet att bara Sigrid och mormor får hämta Elsa.";
const codeWord = "Kodordet är bestämt med Sigrid och skrivs inte här.";
const colleaguesMeasure = "Trygghetslarm beställt av kollegan.";

const journey: { caseId?: string; personPath?: string } = {};
const planPath = () => `/cases/${journey.caseId}/safety-plan`;

/** Calls the API as the signed-in user: the session cookie plus the CSRF token from /api/me. */
async function apiAs(page: Page, baseURL: string) {
  const me = await page.request.get(`${baseURL}/api/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  return {
    get: async (path: string) => (await page.request.get(`${baseURL}${path}`)).json(),
    post: async (path: string, data: object) => {
      const res = await page.request.post(`${baseURL}${path}`, { data, headers });
      expect(res.ok(), `POST ${path}: ${res.status()}`).toBe(true);
      return res.json();
    },
    put: async (path: string, data: object) => {
      const res = await page.request.put(`${baseURL}${path}`, { data, headers });
      expect(res.ok(), `PUT ${path}: ${res.status()}`).toBe(true);
      return res.json();
    },
  };
}

describe("the safety plan and risk over time", () => {
  const browser = useBrowser();

  it("a caseworker opens a case and makes its first safety plan, with a measure for a child", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, { ...person, number: personNumber });
    journey.personPath = new URL(page.url()).pathname;

    await recordApplication(page, "Besök");
    journey.caseId = new URL(page.url()).pathname.split("/").at(-1);

    await page.goto(`${baseURL}${planPath()}`);
    await expect.poll(() => heading(page)).toBe("Säkerhetsplan");
    expect(await page.title()).toBe("Säkerhetsplan – Frid");
    const shown = page.getByRole("region", { name: "Gällande plan" });
    await shown.getByText("Ärendet har ingen säkerhetsplan ännu.").waitFor();
    // Nothing to print or look back at yet.
    expect(await page.getByRole("link", { name: "Skriv ut (PDF)" }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await shown.getByRole("button", { name: "Gör en säkerhetsplan" }).click();
    const form = page.getByRole("form", { name: "Ny säkerhetsplan" });
    const first = form.getByRole("group", { name: "Åtgärd 1" });
    // Sent empty: the server's messages stand by the fields of the measure.
    await form.getByRole("button", { name: "Spara ny version" }).click();
    const description = first.getByLabel("Beskrivning");
    await expect.poll(() => description.getAttribute("aria-invalid")).toBe("true");
    expect(await first.textContent()).toContain("Beskriv åtgärden.");
    expect(await first.getByLabel("Ansvarig").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").first().textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    await expectNoSeriousA11yViolations(page);

    await first.getByLabel("Typ av åtgärd").selectOption({ label: "Säker plats att ta sig till" });
    await description.fill(safePlace);
    await first.getByLabel("Gäller").fill("Sigrid");
    await first.getByLabel("Ansvarig").fill("Sigrid");
    await fillDate(first, "Följs upp", day(14));

    await form.getByRole("button", { name: "Lägg till åtgärd" }).click();
    const second = form.getByRole("group", { name: "Åtgärd 2" });
    await second
      .getByLabel("Typ av åtgärd")
      .selectOption({ label: "Skolan/förskolan vet vem som får hämta" });
    await second.getByLabel("Beskrivning").fill(pickUp);
    await second.getByLabel("Gäller").fill("Elsa");
    await second.getByLabel("Ansvarig").fill("Lina Ek");
    await second.getByLabel("Status").selectOption({ label: "Genomförd" });
    await fillDate(second, "Följs upp", day(30));
    await expectNoSeriousA11yViolations(page);

    const saved = page.waitForRequest(
      (r) => r.method() === "PUT" && r.url().endsWith("/safety-plan"),
    );
    await form.getByRole("button", { name: "Spara ny version" }).click();
    expect((await saved).postDataJSON()).toMatchObject({
      basedOnVersion: null,
      measures: [
        { kind: "safe_place", forWhom: "Sigrid", status: "planned", reviewOn: day(14) },
        { kind: "school_informed", forWhom: "Elsa", status: "in_place", reviewOn: day(30) },
      ],
    });
    await expect.poll(() => statusText(page)).toContain("Säkerhetsplanen är sparad som version 1.");
    expect(await page.getByRole("form").count()).toBe(0);
    const text = (await shown.textContent()) ?? "";
    expect(text).toMatch(/Version 1, sparad \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Lina Ek\./);
    const measures = shown.getByRole("list", { name: "Åtgärder i version 1" }).getByRole("article");
    expect(await measures.count()).toBe(2);
    const child = shown.getByRole("article", { name: "Skolan/förskolan vet vem som får hämta" });
    const childText = (await child.textContent()) ?? "";
    expect(childText).toContain(pickUp);
    expect(childText).toContain("GällerElsa");
    expect(childText).toContain("AnsvarigLina Ek");
    expect(childText).toContain("StatusGenomförd");
    expect(childText).toContain(`Följs upp${day(30)}`);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker changes the plan into version 2 and reads version 1 from the history", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.caseId).toBeTruthy();
    await login(page, baseURL, "handlaggare1", planPath());
    const shown = page.getByRole("region", { name: "Gällande plan" });
    await shown.getByRole("button", { name: "Ändra planen" }).click();
    const form = page.getByRole("form", { name: "Ändra säkerhetsplanen" });
    // The form starts from the version shown.
    const first = form.getByRole("group", { name: "Åtgärd 1" });
    expect(await first.getByLabel("Beskrivning").inputValue()).toBe(safePlace);
    await first.getByLabel("Status").selectOption({ label: "Genomförd" });
    // A measure added and taken away again is not saved.
    await form.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await form.getByRole("group", { name: "Åtgärd 3" }).getByLabel("Beskrivning").fill("Fel");
    await form.getByRole("button", { name: "Ta bort åtgärd 3" }).click();
    expect(await form.getByRole("group", { name: "Åtgärd 3" }).count()).toBe(0);
    await form.getByRole("button", { name: "Lägg till åtgärd" }).click();
    const third = form.getByRole("group", { name: "Åtgärd 3" });
    await third.getByLabel("Typ av åtgärd").selectOption({ label: "Kodord" });
    await third.getByLabel("Beskrivning").fill(codeWord);
    await third.getByLabel("Gäller").fill("Sigrid och Elsa");
    await third.getByLabel("Ansvarig").fill("Sigrid");
    await fillDate(third, "Följs upp", day(7));
    const saved = page.waitForRequest(
      (r) => r.method() === "PUT" && r.url().endsWith("/safety-plan"),
    );
    await form.getByRole("button", { name: "Spara ny version" }).click();
    const body = (await saved).postDataJSON();
    expect(body.basedOnVersion).toBe(1);
    expect(body.measures).toHaveLength(3);
    await expect.poll(() => statusText(page)).toContain("Säkerhetsplanen är sparad som version 2.");
    expect(await shown.textContent()).toContain(codeWord);
    expect(
      await shown.getByRole("list", { name: "Åtgärder i version 2" }).getByRole("article").count(),
    ).toBe(3);

    const history = page
      .getByRole("region", { name: "Versioner" })
      .getByRole("table", { name: "Sparade versioner av säkerhetsplanen, senaste först" });
    const rows = history.getByRole("row");
    expect(await rows.count()).toBe(3); // the head and two versions
    expect(await rows.nth(1).textContent()).toMatch(/^2.*Lina Ek/);
    await expectNoSeriousA11yViolations(page);

    await history.getByRole("button", { name: "Visa version 1" }).click();
    const old = page.getByRole("region", { name: "Version 1 (tidigare version)" });
    await old.getByText("Du ser en tidigare version. Den kan inte ändras.").waitFor();
    await old.getByRole("list", { name: "Åtgärder i version 1" }).waitFor();
    const oldText = (await old.textContent()) ?? "";
    expect(oldText).not.toContain(codeWord);
    expect(oldText).toContain("StatusPlanerad");
    expect(await old.getByRole("button", { name: "Ändra planen" }).count()).toBe(0);
    expect(
      await old
        .getByRole("heading", { name: "Version 1 (tidigare version)" })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page);

    await old.getByRole("button", { name: "Visa gällande version" }).click();
    await shown.getByRole("list", { name: "Åtgärder i version 2" }).waitFor();
    expect(problems).toEqual([]);
  });

  it("a save made from a version someone else has replaced is refused, and the newer plan is shown", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", planPath());
    const shown = page.getByRole("region", { name: "Gällande plan" });
    await shown.getByRole("button", { name: "Ändra planen" }).click();
    const form = page.getByRole("form", { name: "Ändra säkerhetsplanen" });
    await form.getByRole("group", { name: "Åtgärd 1" }).getByLabel("Ansvarig").fill("Lina Ek");

    // Meanwhile a colleague (here: the same user through the API) saves version 3.
    const api = await apiAs(page, baseURL);
    await api.put(`/api/cases/${journey.caseId}/safety-plan`, {
      basedOnVersion: 2,
      measures: [
        {
          kind: "safety_alarm",
          description: colleaguesMeasure,
          forWhom: "Sigrid",
          responsible: "Lina Ek",
          status: "planned",
          reviewOn: day(10),
        },
      ],
    });

    await form.getByRole("button", { name: "Spara ny version" }).click();
    const alert = shown.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Någon annan har sparat planen under tiden.");
    await shown.getByRole("list", { name: "Åtgärder i version 3" }).waitFor();
    expect(await shown.textContent()).toContain(colleaguesMeasure);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker downloads the plan as a PDF to hand over in person", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", planPath());
    const print = page.getByRole("region", { name: "Skriv ut" });
    expect(await print.textContent()).toContain(
      "Planen lämnas personligen och skickas aldrig med post.",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      print.getByRole("link", { name: "Skriv ut (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sakerhetsplan-.+\.pdf$/);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain(colleaguesMeasure);
    expect(text).toContain("Skickas aldrig med post");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a long history shows the newest 20 versions, and older ones on asking", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", planPath());
    // Versions 4–23, saved through the API: the plan now has 23.
    const api = await apiAs(page, baseURL);
    for (let version = 3; version < 23; version++) {
      await api.put(`/api/cases/${journey.caseId}/safety-plan`, {
        basedOnVersion: version,
        measures: [
          {
            kind: "safety_alarm",
            description: `${colleaguesMeasure} (${version + 1})`,
            forWhom: "Sigrid",
            responsible: "Lina Ek",
            status: "planned",
            reviewOn: day(10),
          },
        ],
      });
    }
    await page.reload();
    const region = page.getByRole("region", { name: "Versioner" });
    const history = region.getByRole("table", {
      name: "Sparade versioner av säkerhetsplanen, senaste först",
    });
    const versions = history.getByRole("rowheader");
    await expect.poll(() => versions.count()).toBe(20);
    expect(await versions.first().textContent()).toBe("23");
    expect(await versions.last().textContent()).toBe("4");
    const older = region.getByRole("button", { name: "Visa äldre versioner" });
    await expectNoSeriousA11yViolations(page);

    const asked = page.waitForRequest((r) => r.url().includes("/safety-plan/history?before="));
    await older.click();
    await asked;
    await expect.poll(() => versions.count()).toBe(23);
    expect(await versions.allTextContents()).toEqual(
      Array.from({ length: 23 }, (_, i) => String(23 - i)),
    );
    // The last page: the button is gone, and focus is on the first of the rows it brought.
    expect(await older.count()).toBe(0);
    expect(
      await history
        .getByRole("rowheader", { name: "3", exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    // An older version opens from the page that was loaded later.
    await history.getByRole("button", { name: "Visa version 1", exact: true }).click();
    await page
      .getByRole("region", { name: "Version 1 (tidigare version)" })
      .getByRole("list", { name: "Åtgärder i version 1" })
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the person page shows risk over time: nothing before an assessment, then a chart and a table", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.personPath).toBeTruthy();
    await login(page, baseURL, "handlaggare1", journey.personPath);
    const risk = page.getByRole("region", { name: "Risk över tid" });
    await risk.getByText("Inga slutförda riskbedömningar ännu.").waitFor();
    // The case list leads to the case's safety plan.
    expect(
      await page
        .getByRole("table", { name: "Ärenden för personen som du har behörighet till" })
        .getByRole("link", { name: "Säkerhetsplan" })
        .getAttribute("href"),
    ).toBe(planPath());
    await expectNoSeriousA11yViolations(page);

    // Two danger assessments completed through the API: two months ago and today.
    const api = await apiAs(page, baseURL);
    const no = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, "no"]));
    const items = [
      "more_often",
      "more_severe",
      "strangulation",
      "weapon_used",
      "threats_to_kill",
      "sexual_violence",
      "violence_in_pregnancy",
      "jealousy_control",
      "stalking",
      "separation",
      "contact_ban_broken",
      "access_to_weapons",
      "substance_use",
      "suicide_threats",
      "violent_to_others",
      "violence_against_children",
      "pregnant_now",
      "client_fears",
    ];
    const assessments = [
      { assessedOn: day(-60), yes: [], level: "medium", reasons: "Hon är rädd men inga hot." },
      {
        assessedOn: day(),
        yes: ["strangulation", "threats_to_kill", "stalking", "client_fears"],
        level: "very_high",
        reasons: "Strypgrepp och dödshot efter separationen.",
      },
    ];
    for (const a of assessments) {
      const started = await api.post(`/api/cases/${journey.caseId}/assessments`, {
        instrumentId: "danger_assessment",
      });
      const url = `/api/cases/${journey.caseId}/assessments/${started.id}`;
      await api.put(url, {
        answers: { ...no(items), ...Object.fromEntries(a.yes.map((id) => [id, "yes"])) },
        assessedOn: a.assessedOn,
      });
      await api.post(`${url}/complete`, { judgements: { risk: a.level }, reasons: a.reasons });
    }

    await page.reload();
    const table = risk.getByRole("table", { name: "Riskbedömningar i tabellform" });
    await table.waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Datum",
      "Instrument",
      "Ärende",
      "Nivå",
      "Föreslagen nivå",
      "Poäng",
      "Skäl",
    ]);
    const rows = table.getByRole("row");
    expect(await rows.count()).toBe(3);
    const latest = (await rows.nth(2).textContent()) ?? "";
    expect(latest).toContain(day());
    expect(latest).toContain("Farlighetsbedömning");
    // The judgement, then the level the instrument suggested (strangulation: Hög).
    expect(latest).toContain("Mycket högHög");
    expect(latest).toContain("Antal ja: 4");
    expect(latest).toContain("Strypgrepp och dödshot efter separationen.");
    const earlier = (await rows.nth(1).textContent()) ?? "";
    expect(earlier).toContain(day(-60));
    expect(earlier).toContain("Medel–"); // no threshold reached: no suggestion

    // The chart: one line, the levels' names on the axis, and a tooltip the keyboard reaches.
    const chart = risk.getByRole("application", {
      name: "Risknivå över tid, en linje per instrument",
    });
    await chart.waitFor();
    expect(await risk.locator(".recharts-line").count()).toBe(1);
    const chartText = (await chart.textContent()) ?? "";
    for (const level of ["Låg", "Medel", "Hög", "Mycket hög"]) expect(chartText).toContain(level);
    // Focus shows the first assessment; the arrow keys move between them.
    await chart.focus();
    const tooltip = risk.locator(".risk-tooltip");
    const tip = async () => (await tooltip.textContent()) ?? "";
    await expect.poll(tip).toContain("Hon är rädd men inga hot.");
    expect(await tip()).toContain(`${day(-60)} · Farlighetsbedömning`);
    expect(await tip()).toContain("NivåMedel");
    expect(await tip()).toContain("PoängAntal ja: 0");
    await page.keyboard.press("ArrowRight");
    await expect.poll(tip).toContain("Strypgrepp och dödshot efter separationen.");
    expect(await tip()).toContain("NivåMycket hög");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(tip).toContain("NivåMedel");
    await expectNoSeriousA11yViolations(page);
    // No CSP violation (nor any other console error) from the chart.
    expect(problems).toEqual([]);
  });
});
