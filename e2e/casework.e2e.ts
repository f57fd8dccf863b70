import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { heading, login } from "./fixtures/login.ts";
import { description, statusText } from "./fixtures/page.ts";

/*
 * Case work from the first contact: a caseworker registers a person and records an intake
 * (aktualisering), which opens a case straight in Utredning; records how the person may be
 * contacted safely; adds the person's child as a relative; and moves the case on until it
 * is closed. A colleague who does not work the person's case learns nothing of it. The
 * persons are this file's own; the steps run in order and share their addresses.
 */

// Fictional persons: birth numbers 980–989 are not given to real people (as in the demo
// data), with valid check digits. Used by this file only.
const personNine = "820611983";
const personNumber = `19${personNine.slice(0, 6)}-${personNine.slice(6)}${luhnCheckDigit(personNine)}`;
const person = { givenName: "Elin", familyName: "Sjövik" };
const personName = `${person.givenName} ${person.familyName}`;
const childNine = "150312985";
const childNumber = `20${childNine.slice(0, 6)}-${childNine.slice(6)}${luhnCheckDigit(childNine)}`;
const child = { givenName: "Ilias", familyName: "Sjövik" };
const childName = `${child.givenName} ${child.familyName}`;

const violenceAnswer = "Ja. Hennes sambo har slagit henne flera gånger.";
const letterAddress = "Kvinnojouren, Box 123, 111 22 Stockholm";
const codeWord = "Blåklocka";

const journey: { personPath?: string; casePath?: string } = {};

/** Presses Tab until `target` has focus: the keyboard's way to reach a field. */
async function tabTo(page: Page, target: Locator, most = 40) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the field");
}

/** The texts of the polite status messages on the page. */

/** Registers a person from "Sök person" (after searching, as the page asks) and opens them. */
async function registerPerson(
  page: Page,
  number: string,
  names: { givenName: string; familyName: string },
) {
  await page.getByRole("navigation").getByRole("link", { name: "Sök person" }).click();
  await expect.poll(() => heading(page)).toBe("Sök person");
  const search = page.getByRole("search");
  await search.getByLabel("Personnummer eller namn").fill(number);
  await search.getByRole("button", { name: "Sök" }).click();
  await page.getByText("Ingen person hittades").waitFor();
  const form = page.getByRole("form", { name: "Registrera ny person" });
  await form.getByLabel("Personnummer", { exact: true }).fill(number);
  await form.getByLabel("Förnamn").fill(names.givenName);
  await form.getByLabel("Efternamn").fill(names.familyName);
  await form.getByRole("button", { name: "Registrera person" }).click();
  await expect.poll(() => heading(page)).toBe(`${names.givenName} ${names.familyName}`);
}

describe("case work: intake, safe contact, relatives and the status flow", () => {
  const browser = useBrowser();

  it("a caseworker records an intake with the keyboard, which opens a case in Utredning", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, personNumber, person);
    journey.personPath = new URL(page.url()).pathname;
    expect(await page.title()).toBe("Person – Frid");
    // Only the registration so far: no case, so no details to show.
    const safe = page.getByRole("region", { name: "Säker kontakt" });
    expect(await safe.textContent()).toContain(
      "visas bara för den som arbetar med något av personens ärenden",
    );
    await expectNoSeriousA11yViolations(page);
    // The two ways in are explained before the forms; no open case yet, so no third.
    const main = (await page.getByRole("main").textContent()) ?? "";
    expect(main).toContain("registreras som en ny aktualisering");
    expect(main).toContain("Öppna ett ärende direkt bara när det redan är bestämt");
    expect(main).not.toContain("arbeta vidare i det ärendet");

    const form = page.getByRole("form", { name: "Ny aktualisering" });
    const kind = form.getByRole("group", { name: "Typ av aktualisering" });
    expect(await kind.getByLabel("Ansökan").isChecked()).toBe(true);
    const time = form.getByLabel("Klockslag");
    expect(await time.inputValue()).toMatch(/^\d{2}:\d{2}$/);

    // Keyboard only. Sending without the required answers shows what is missing, by the fields.
    const unit = form.getByLabel("Enhet");
    await unit.focus();
    const submit = form.getByRole("button", { name: "Registrera aktualisering" });
    await tabTo(page, submit);
    await page.keyboard.press("Enter");
    const source = form.getByLabel("Vem aktualiserade?");
    await expect.poll(() => source.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    expect(await description(page, source)).toContain("Välj vem som aktualiserade.");
    const asked = form.getByRole("group", { name: "Har personen fått frågan om våld?" });
    expect(await description(page, asked)).toContain("Svara ja eller nej.");
    await expectNoSeriousA11yViolations(page);

    await unit.focus();
    await tabTo(page, source);
    await page.keyboard.type("Den");
    expect(await source.inputValue()).toBe("the_person");
    const channel = form.getByLabel("Kontaktväg");
    await tabTo(page, channel);
    await page.keyboard.type("Tel");
    expect(await channel.inputValue()).toBe("phone");
    const yes = asked.getByLabel("Ja");
    await tabTo(page, yes);
    await page.keyboard.press("Space");
    expect(await yes.isChecked()).toBe(true);
    // The answer's field appears once "Ja" is chosen, right after the question.
    const answer = form.getByLabel("Vad svarade personen?");
    await page.keyboard.press("Tab");
    expect(await answer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(violenceAnswer);
    const interpreter = form.getByLabel("Personen behöver tolk");
    await tabTo(page, interpreter);
    await page.keyboard.press("Space");
    expect(await interpreter.isChecked()).toBe(true);
    const language = form.getByLabel("Tolkspråk");
    await tabTo(page, language);
    await page.keyboard.type("arabiska");
    const children = form.getByLabel("Antal barn i hushållet");
    await tabTo(page, children);
    await page.keyboard.type("2");

    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/api/intakes"),
    );
    await tabTo(page, submit);
    await page.keyboard.press("Enter");
    const body = (await posted).postDataJSON() as Record<string, unknown>;
    expect(body).toMatchObject({
      source: "the_person",
      channel: "phone",
      kind: "application",
      askedAboutViolence: true,
      violenceAnswer,
      interpreterNeeded: true,
      interpreterLanguage: "arabiska",
      childrenInHousehold: 2,
      informationOnlyReason: null,
    });
    expect(body.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);

    // An application opens a case, straight into Utredning for an adult.
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.casePath = new URL(page.url()).pathname;
    await openSection(page, "Status och ansvar");
    const status = page.getByRole("region", { name: "Status", exact: true });
    await status.getByText("Utredning", { exact: true }).waitFor();
    const history = status.getByRole("list", { name: "Statusändringar, senaste först" });
    const first = history.getByRole("listitem");
    expect(await first.count()).toBe(1);
    expect(await first.textContent()).toContain("Aktualisering → Utredning");
    expect(await first.textContent()).toContain("Lina Ek");
    expect(await status.getByRole("button", { name: "Till genomförande" }).count()).toBe(1);

    await openSection(page, "Aktualiseringar");
    const intakes = page.getByRole("region", { name: "Aktualiseringar" });
    await intakes.getByRole("heading", { name: /^Ansökan, / }).waitFor();
    const intakeText = (await intakes.textContent()) ?? "";
    expect(intakeText).toContain(violenceAnswer);
    expect(intakeText).toContain("arabiska");
    expect(intakeText).toContain("Den enskilde");
    expect(intakeText).toContain("Telefon");
    expect(await page.title()).not.toContain(person.familyName);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker records the safe-contact instructions and sees them", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.personPath).toBeTruthy();
    await login(page, baseURL, "handlaggare1", journey.personPath);
    await expect.poll(() => heading(page)).toBe(personName);
    const safe = page.getByRole("region", { name: "Säker kontakt" });
    await safe.getByText("Får vi ringa?").waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Ändra uppgifter" }).click();
    const form = page.getByRole("form", {
      name: "Ändra säker kontakt, språk och kontaktuppgifter",
    });
    await form.waitFor();
    // The form opens with focus on its first answer.
    const call = form.getByRole("group", { name: "Får vi ringa?" });
    expect(await call.getByLabel("Ej frågat").evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await call.getByLabel("Nej").check();
    await form.getByRole("group", { name: "Får vi skicka sms?" }).getByLabel("Nej").check();
    await form.getByRole("group", { name: "Får vi skicka brev?" }).getByLabel("Ja").check();
    await form.getByLabel("Adress för brev").fill(letterAddress);
    await form.getByLabel("Kodord").fill(codeWord);
    await form.getByLabel("Behöver tolk").check();
    await form.getByLabel("Tolkspråk").fill("arabiska");
    await form.getByLabel("E-post").fill("inte en adress");
    await form.getByRole("button", { name: "Spara" }).click();
    // The server's message stands by the field.
    const email = form.getByLabel("E-post");
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page);
    await email.fill("");
    await form.getByRole("button", { name: "Spara" }).click();

    await expect.poll(() => statusText(page)).toContain("Uppgifterna är sparade.");
    const shown = page.getByRole("region", { name: "Säker kontakt" });
    const text = (await shown.textContent()) ?? "";
    expect(text).toMatch(/Får vi ringa\?Nej/);
    expect(text).toMatch(/Får vi skicka brev\?Ja/);
    expect(text).toMatch(/Får vi lämna röstmeddelande\?Ej frågat/);
    expect(text).toMatch(/Får vi skicka sms\?Nej/);
    expect(text).toContain(letterAddress);
    // The code word is hidden until asked for.
    expect(text).not.toContain(codeWord);
    await expectNoSeriousA11yViolations(page);
    await shown.getByRole("button", { name: "Visa kodordet" }).click();
    await shown.getByText(codeWord).waitFor();
    await shown.getByRole("button", { name: "Dölj kodordet" }).click();
    expect(await shown.getByText(codeWord).count()).toBe(0);
    // The interpreter need is the person's, kept apart from the intake's record of it.
    expect(await page.getByRole("region", { name: "Språk och tolk" }).textContent()).toContain(
      "Tolkspråkarabiska",
    );
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker adds the person's child as a relative in the case", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.casePath).toBeTruthy();
    await login(page, baseURL, "handlaggare1");
    await registerPerson(page, childNumber, child);

    await page.goto(`${baseURL}${journey.casePath}`);
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    const relations = page.getByRole("region", { name: "Närstående" });
    await relations.getByText("Inga närstående är registrerade i ärendet.").waitFor();
    await relations.getByRole("button", { name: "Lägg till närstående" }).click();
    const search = relations.getByRole("search", { name: "Sök närstående" });
    await search.getByLabel("Personnummer eller namn").fill(childNumber);
    await search.getByRole("button", { name: "Sök" }).click();
    await relations.getByRole("button", { name: `Välj ${childName}` }).click();
    const form = relations.getByRole("form", { name: "Lägg till närstående" });
    const kind = form.getByLabel("Vad är personen för ärendets person?");
    await expect.poll(() => kind.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Lägg till närstående" }).click();
    await expect.poll(() => kind.getAttribute("aria-invalid")).toBe("true");
    await kind.selectOption({ label: "Barn" });
    await form.getByRole("button", { name: "Lägg till närstående" }).click();

    await expect.poll(() => statusText(page)).toContain(`${childName} är tillagd som närstående.`);
    const list = relations.getByRole("list", { name: "Närstående till ärendets person" });
    const item = list.getByRole("listitem");
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain("Barn:");
    expect(await item.textContent()).toContain(childName);
    expect(await item.textContent()).toContain(childNumber);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the caseworker moves the case on and closes it with a reason", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/status`);
    const status = page.getByRole("region", { name: "Status", exact: true });
    const current = status.getByRole("definition").first();
    await expect.poll(() => current.textContent()).toBe("Utredning");

    await status.getByRole("button", { name: "Till genomförande" }).click();
    await expect.poll(() => statusText(page)).toContain("Ärendet har nu status Genomförande.");
    expect(await current.textContent()).toBe("Genomförande");
    // The button pressed is gone: focus is on the panel's heading.
    expect(
      await status
        .getByRole("heading", { name: "Status", exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page);

    await status.getByRole("button", { name: "Till uppföljning" }).click();
    await expect.poll(() => statusText(page)).toContain("Ärendet har nu status Uppföljning.");
    expect(await status.getByRole("button", { name: "Till genomförande" }).count()).toBe(1);

    await status.getByRole("button", { name: "Avsluta ärendet" }).click();
    const form = status.getByRole("form", { name: "Avsluta ärendet" });
    const reason = form.getByLabel("Skäl för avslut");
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByRole("button", { name: "Avsluta ärendet" }).click();
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    expect(await description(page, reason)).toContain("Välj ett skäl.");
    await expectNoSeriousA11yViolations(page);
    await reason.selectOption({ label: "Målet uppnått" });
    // A case that had a goal says whether it was reached (issue 20; e2e/outcomes.e2e.ts).
    await form
      .getByRole("group", { name: "Har målet med insatsen nåtts?" })
      .getByLabel("Helt")
      .check();
    await form.getByRole("button", { name: "Avsluta ärendet" }).click();

    await expect.poll(() => statusText(page)).toContain("Ärendet har nu status Avslutat.");
    expect(await current.textContent()).toBe("Avslutat");
    expect(await status.textContent()).toContain("Skäl för avslutMålet uppnått");
    const items = status
      .getByRole("list", { name: "Statusändringar, senaste först" })
      .getByRole("listitem");
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/^Uppföljning → Avslutat Lina Ek, .*Skäl: Målet uppnått$/),
      expect.stringMatching(/^Genomförande → Uppföljning Lina Ek, /),
      expect.stringMatching(/^Utredning → Genomförande Lina Ek, /),
      expect.stringMatching(/^Aktualisering → Utredning Lina Ek, /),
    ]);
    // A closed case can only be reopened.
    expect(await status.getByRole("button").allTextContents()).toEqual(["Öppna ärendet igen"]);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a case reopened and closed many times shows its newest 20 status changes, older ones on asking", async () => {
    const { page, baseURL, problems } = browser();
    expect(journey.casePath).toBeTruthy();
    await login(page, baseURL, "handlaggare1", `${journey.casePath}/status`);
    // Nine more rounds of reopening and closing, through the API: 22 changes in all.
    const me = await page.request.get(`${baseURL}/api/me`);
    const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
    const url = `${baseURL}/api${journey.casePath}/status`;
    for (let round = 0; round < 9; round++) {
      for (const data of [
        { to: "intake", comment: "Hon hörde av sig igen." },
        { to: "closed", reason: "goal_reached" },
      ]) {
        const res = await page.request.post(url, { data, headers });
        expect(res.ok(), `${data.to}: ${res.status()}`).toBe(true);
      }
    }
    await page.reload();
    const status = page.getByRole("region", { name: "Status", exact: true });
    const items = status
      .getByRole("list", { name: "Statusändringar, senaste först" })
      .getByRole("listitem");
    await expect.poll(() => items.count()).toBe(20);
    expect(await items.first().textContent()).toMatch(/^Aktualisering → Avslutat/);
    const older = status.getByRole("button", { name: "Visa äldre statusändringar" });
    await expectNoSeriousA11yViolations(page);

    await older.click();
    await expect.poll(() => items.count()).toBe(22);
    expect(await items.nth(20).textContent()).toMatch(/^Utredning → Genomförande/);
    expect(await items.nth(21).textContent()).toMatch(/^Aktualisering → Utredning/);
    // The last page: the button is gone, focus is on the first change it brought.
    expect(await older.count()).toBe(0);
    expect(await items.nth(20).evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("a colleague who does not work the person's case sees nothing of them", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare2", journey.personPath);
    await page.getByText("Personen finns inte eller så saknar du behörighet.").waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain(personName);
    expect(text).not.toContain(letterAddress);
    expect(text).not.toContain(codeWord);
    expect(await page.getByRole("region", { name: "Säker kontakt" }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
