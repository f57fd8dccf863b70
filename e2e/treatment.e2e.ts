import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { dateField, fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { closeGivingOutcome } from "./fixtures/outcome.ts";
import { day, description, statusText } from "./fixtures/page.ts";
import { registerPerson } from "./fixtures/persons.ts";

/*
 * Treatment of a man who uses violence, at Kriscentrum, and partner contact from his side
 * (seed 004): the therapist registers the treatment (after the form's messages), records that
 * he was informed about partner contact, adds his partner with his written consent and her
 * details — which from then on live only in her own case, behind the information barrier,
 * so his panel never shows them — and a former partner with an exception the team decided;
 * then the treatment begins and he stays away from a session. A second man refuses partner
 * contact and the team decides the treatment does not go on ("Nej"): the form then asks the
 * case's outcome, says by the question when it is missing, and the case closes with it. The
 * men are this file's own; their cases are opened through the API (the intake form opens only
 * victims' cases).
 */

// A fictional man: birth numbers 980–989 are not given to real people. This file only.
const personNine = "780214982";
const personNumber = `19${personNine.slice(0, 6)}-${personNine.slice(6)}${luhnCheckDigit(personNine)}`;
const man = { givenName: "Viktor", familyName: "Ekdahlsson" };
const her = { givenName: "Maja", familyName: "Rosengren", phone: "070-111 22 33" };
const exceptionReason = "Han styr hennes kontakter och telefon; teamet bedömer kontakt som farlig.";
const refuserNine = "800917985";
const refuser = {
  givenName: "Tobias",
  familyName: "Lindvall",
  number: `19${refuserNine.slice(0, 6)}-${refuserNine.slice(6)}${luhnCheckDigit(refuserNine)}`,
};

/** Opens a perpetrator case for the person at the therapist's unit, as the signed-in user. */
async function openPerpetratorCase(page: Page, baseURL: string, personId: string) {
  const me = await page.request.get(`${baseURL}/api/me`);
  const { csrfToken, roles } = (await me.json()) as {
    csrfToken: string;
    roles: { unitId: string | null; role: string }[];
  };
  const unitId = roles.find((r) => r.role === "therapist")?.unitId;
  expect(unitId).toBeTruthy();
  const res = await page.request.post(`${baseURL}/api/cases`, {
    data: { personId, unitId, caseType: "perpetrator" },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A command through the API as the signed-in user (what another journey does in the forms). */
async function post(page: Page, url: string, data: unknown, status: number) {
  const me = await page.request.get(url.replace(/\/api\/.*/, "/api/me"));
  const headers = { "x-csrf-token": ((await me.json()) as { csrfToken: string }).csrfToken };
  const res = await page.request.post(url, { data, headers });
  expect(res.status(), url).toBe(status);
}

/** The case's status as the page's details show it. */
async function caseStatus(page: Page) {
  const details = page.getByRole("region", { name: "Om ärendet" });
  return (await details.textContent()) ?? "";
}

describe("treatment and partner contact, from his side", () => {
  const browser = useBrowser();

  it("a therapist registers the treatment, his consent for one partner and an exception for another", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1");
    await registerPerson(page, { ...man, number: personNumber });
    const personId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const caseId = await openPerpetratorCase(page, baseURL, personId);
    await page.goto(`${baseURL}/cases/${caseId}/treatment`);
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);

    const treatment = page.getByRole("region", { name: "Behandling", exact: true });
    await treatment.getByText("Ingen behandling är registrerad i ärendet.").waitFor();
    // Partner contact belongs to a registered treatment.
    expect(await page.getByRole("region", { name: "Partnerkontakt" }).count()).toBe(0);
    const register = treatment.getByRole("form", { name: "Registrera behandling" });
    await expectNoSeriousA11yViolations(page);

    // Sent empty: a summary, and a message by each field.
    await register.getByRole("button", { name: "Registrera behandlingen" }).click();
    expect(await treatment.getByRole("alert").textContent()).toContain(
      "Några uppgifter behöver rättas.",
    );
    const how = register.getByRole("group", { name: "Hur han kom till mottagningen" });
    expect(await how.textContent()).toContain("Välj hur han kom till mottagningen.");
    const referredOn = dateField(register, "Första kontakt med mottagningen");
    expect(await description(page, referredOn)).toContain(
      "Ange datumet då han kom i kontakt med mottagningen.",
    );
    await expectNoSeriousA11yViolations(page);

    await how.getByRole("radio", { name: "Via socialtjänsten" }).check();
    await fillDate(register, "Första kontakt med mottagningen", day(-10));
    await register.getByRole("button", { name: "Registrera behandlingen" }).click();
    await expect.poll(() => statusText(page)).toContain("Behandlingen är registrerad.");
    const facts = () => treatment.locator("dl.details").first().textContent();
    await expect.poll(facts).toContain("FasBedömningsfas");
    expect(await facts()).toContain("Hur han kom till mottagningenVia socialtjänsten");
    // The case moved with it: the page's details show the new status.
    await expect.poll(() => caseStatus(page)).toContain("StatusBedömningsfas");
    await expectNoSeriousA11yViolations(page);

    // Partner contact: he is informed first.
    await openSection(page, "Partnerkontakt");
    const partnerContact = page.getByRole("region", { name: "Partnerkontakt" });
    const inform = partnerContact.getByRole("form", {
      name: "Han har fått information om partnerkontakt",
    });
    await fillDate(inform, "Information om partnerkontakt given (datum)", day(-9));
    await inform.getByRole("button", { name: "Registrera informationen" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Informationen om partnerkontakt är registrerad.");
    expect(await partnerContact.getByRole("form", { name: /information/ }).count()).toBe(0);

    // His consent for his partner, with how to reach her.
    const add = partnerContact.getByRole("form", { name: "Lägg till partner" });
    await add
      .getByRole("group", { name: "Relation" })
      .getByRole("radio", { name: "Nuvarande partner" })
      .check();
    await add
      .getByRole("group", { name: "Får partnern kontaktas?" })
      .getByRole("radio", { name: "Han samtycker" })
      .check();
    const details = add.getByRole("group", { name: "Hur partnern kan nås" });
    expect(await details.textContent()).toContain(
      "När du har sparat syns hennes uppgifter bara för partnerkontaktens handläggare",
    );
    await add
      .getByRole("group", { name: "Samtyckets form" })
      .getByRole("radio", { name: "Skriftligt" })
      .check();
    await fillDate(add, "Samtycke givet (datum)", day(-8));
    await details.getByLabel("Förnamn").fill(her.givenName);
    await details.getByLabel("Efternamn").fill(her.familyName);
    // No way to reach her yet: the form says so by the phone field.
    await add.getByRole("button", { name: "Lägg till partnern" }).click();
    const phone = details.getByLabel("Telefon");
    expect(await description(page, phone)).toContain(
      "Ange minst ett sätt att nå henne: telefon, adress eller e-post.",
    );
    await expectNoSeriousA11yViolations(page);

    await phone.fill(her.phone);
    const sent = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/partner-contact/partners"),
    );
    await add.getByRole("button", { name: "Lägg till partnern" }).click();
    expect((await sent).postDataJSON()).toEqual({
      relationship: "current",
      consent: { form: "written", givenOn: day(-8) },
      partner: {
        givenName: her.givenName,
        familyName: her.familyName,
        identityNumber: null,
        phone: her.phone,
        postalAddress: null,
        email: null,
      },
      exception: null,
    });
    await expect.poll(() => statusText(page)).toContain("Partnern är tillagd.");
    const first = partnerContact.getByRole("article", { name: "Partner 1: Nuvarande partner" });
    const firstText = (await first.textContent()) ?? "";
    expect(firstText).toContain(`SamtyckeSkriftligt, givet ${day(-8)}`);
    expect(firstText).toContain("KontaktKontakt förmedlad");
    // The form is empty again, and nothing about her is shown on his side.
    expect(await add.getByRole("group", { name: "Hur partnern kan nås" }).count()).toBe(0);
    expect(await partnerContact.textContent()).not.toContain(her.givenName);
    expect(await partnerContact.textContent()).not.toContain(her.phone);
    // While he consents for someone, there is no refusal to record.
    expect(
      await partnerContact.getByRole("form", { name: "Han säger nej till partnerkontakt" }).count(),
    ).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // A former partner: an exception, which for a controlling pattern the team decides.
    await add
      .getByRole("group", { name: "Relation" })
      .getByRole("radio", { name: "Tidigare partner" })
      .check();
    await add
      .getByRole("group", { name: "Får partnern kontaktas?" })
      .getByRole("radio", { name: "Undantag – partnern kontaktas inte" })
      .check();
    await add
      .getByLabel("Varför partnern inte kontaktas")
      .selectOption({ label: "Starkt kontrollerande våldsmönster" });
    await add.getByLabel("Skäl till undantaget").fill(exceptionReason);
    await add.getByRole("button", { name: "Lägg till partnern" }).click();
    const teamDate = dateField(add, "Teamets beslut (datum)");
    expect(await description(page, teamDate)).toContain(
      "Vid ett starkt kontrollerande mönster beslutar teamet – ange datumet för beslutet.",
    );
    await expectNoSeriousA11yViolations(page);
    await fillDate(add, "Teamets beslut (datum)", day(-7));
    await add.getByRole("button", { name: "Lägg till partnern" }).click();
    const second = partnerContact.getByRole("article", { name: "Partner 2: Tidigare partner" });
    await second.waitFor();
    const secondText = (await second.textContent()) ?? "";
    expect(secondText).toContain("UndantagStarkt kontrollerande våldsmönster");
    expect(secondText).toContain(`Teamets beslut (datum)${day(-7)}`);
    expect(secondText).toContain("KontaktPartnern kontaktas inte");
    expect(secondText).toContain(exceptionReason);
    await expectNoSeriousA11yViolations(page);

    // The treatment begins: the case moves with it, to Behandling.
    await openSection(page, "Behandling");
    const start = treatment.getByRole("form", { name: "Behandlingen börjar" });
    await fillDate(start, "Behandlingen började", day(-1));
    await start.getByRole("button", { name: "Registrera att behandlingen börjar" }).click();
    await expect.poll(facts).toContain("FasBehandling");
    await expect.poll(() => caseStatus(page)).toContain("StatusBehandling");
    expect(await treatment.getByRole("form", { name: "Behandlingen börjar" }).count()).toBe(0);

    // He stays away from a session.
    const session = treatment.getByRole("form", { name: "Registrera samtal" });
    await fillDate(session, "Datum", day(0));
    await session.getByRole("radio", { name: "Uteblev" }).check();
    await session.getByRole("button", { name: "Registrera samtalet" }).click();
    await expect.poll(() => statusText(page)).toContain("Samtalet är registrerat.");
    const sessions = treatment.getByRole("table", { name: "Samtal, senaste först" });
    const row = sessions.getByRole("row").nth(1);
    expect(await row.textContent()).toBe(`${day(0)}UteblevPer Holm`);
    await expectNoSeriousA11yViolations(page);

    // He takes his consent back: recorded on the partner, and no form to do it again.
    await openSection(page, "Partnerkontakt");
    const firstPartner = partnerContact.getByRole("article", {
      name: "Partner 1: Nuvarande partner",
    });
    const withdraw = firstPartner.getByRole("form", {
      name: "Återkalla samtycket för Partner 1: Nuvarande partner",
    });
    await fillDate(withdraw, "Samtycket återkallades (datum)", day(0));
    await withdraw.getByRole("button", { name: "Registrera återkallat samtycke" }).click();
    await expect.poll(() => statusText(page)).toContain("Samtycket är återkallat.");
    await expect.poll(() => firstPartner.textContent()).toContain(`Samtycket återkallat${day(0)}`);
    expect(await firstPartner.getByRole("form").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // Read again from the server: all stays, and her name is nowhere on his case's page.
    await page.reload();
    await partnerContact.getByRole("article", { name: "Partner 2: Tidigare partner" }).waitFor();
    await openSection(page, "Behandling");
    await expect.poll(facts).toContain("FasBehandling");
    // Every section's text, the hidden ones too.
    const pageText = (await page.locator("main").textContent()) ?? "";
    expect(pageText).not.toContain(her.givenName);
    expect(pageText).not.toContain(her.familyName);
    expect(pageText).not.toContain(her.phone);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("he refuses partner contact and the team decides not to go on: the outcome is asked, and the case closes with it", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1");
    await registerPerson(page, refuser);
    const personId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const caseId = await openPerpetratorCase(page, baseURL, personId);
    // Registered and informed through the API: the journey above fills in those forms.
    const api = `${baseURL}/api/cases/${caseId}`;
    const registered = { referralSource: "social_services", referredOn: day(-20) };
    await post(page, `${api}/treatment`, registered, 201);
    await post(page, `${api}/partner-contact/information`, { informedOn: day(-14) }, 200);
    await page.goto(`${baseURL}/cases/${caseId}/partner-contact`);
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);

    const partnerContact = page.getByRole("region", { name: "Partnerkontakt" });
    const refusal = partnerContact.getByRole("form", { name: "Han säger nej till partnerkontakt" });
    await fillDate(refusal, "Han sa nej (datum)", day(-3));
    await fillDate(refusal, "Teamets beslut (datum)", day(-1));
    const goesOn = refusal.getByRole("group", { name: "Fortsätter behandlingen?" });
    expect(await description(page, goesOn)).toContain("Nej avslutar behandlingen och ärendet.");
    // The outcome is asked only when the treatment ends.
    expect(
      await refusal.getByRole("group", { name: "Har målet med insatsen nåtts?" }).count(),
    ).toBe(0);
    await goesOn.getByRole("radio", { name: "Nej" }).check();
    await refusal
      .getByLabel("Teamets motivering")
      .fill("Utan partnerkontakt kan teamet inte följa hennes säkerhet; behandlingen avslutas.");
    await expectNoSeriousA11yViolations(page);
    const sent = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/partner-contact/refusal"),
    );
    // Sent without the outcome: the question says what is missing; then "Delvis" is sent.
    await closeGivingOutcome(
      page,
      refusal,
      "Registrera teamets beslut",
      "Jag vill inte att hon blandas in.",
    );
    expect((await sent).postDataJSON()).toEqual({
      refusedOn: day(-3),
      teamDecidedOn: day(-1),
      continueTreatment: false,
      reasoning:
        "Utan partnerkontakt kan teamet inte följa hennes säkerhet; behandlingen avslutas.",
      outcome: {
        goalReached: "partly",
        ownView: "Jag vill inte att hon blandas in.",
        notAssessedReason: null,
      },
    });
    await expect
      .poll(() => statusText(page))
      .toContain("Teamets beslut är registrerat. Behandlingen och ärendet är avslutade.");
    const shown = () => partnerContact.textContent();
    await expect.poll(shown).toContain("Fortsätter behandlingen?Nej, behandlingen avslutas");
    // Ended: no form is offered any more.
    expect(await partnerContact.getByRole("form").count()).toBe(0);
    await expect.poll(() => caseStatus(page)).toContain("StatusAvslutat");
    await expectNoSeriousA11yViolations(page);

    // The case shows it closed with its outcome, read again from the server.
    await page.reload();
    await openSection(page, "Status och ansvar");
    const outcome = page.getByRole("region", { name: "Måluppfyllelse vid avslut" });
    await expect.poll(() => outcome.locator("dl").textContent()).toContain("Delvis");
    expect(await outcome.locator("dl").textContent()).toContain(
      "Jag vill inte att hon blandas in.",
    );
    expect(await caseStatus(page)).toContain("StatusAvslutat");
    await openSection(page, "Behandling");
    const treatment = page.getByRole("region", { name: "Behandling", exact: true });
    await expect
      .poll(() => treatment.locator("dl.details").first().textContent())
      .toContain("FasAvslutad");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
