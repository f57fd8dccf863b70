import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../src/server/testing/pdf.ts";
import { luhnCheckDigit } from "../src/shared/personal-identity-number.ts";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { heading, login } from "./fixtures/login.ts";
import { closeGivingOutcome } from "./fixtures/outcome.ts";
import { day, statusText } from "./fixtures/page.ts";
import { fullName, registerPerson } from "./fixtures/persons.ts";

/*
 * The whole story of issue 6, with two therapists and their manager at Kriscentrum. Per Holm
 * (behandlare1) registers a man who seeks help to stop using violence, opens his treatment
 * case, prints the consent form, attaches the signed scan and records his consent and his
 * partner's details — which from then on only her worker sees. The manager (krischef) finds
 * her case waiting for a worker and cannot give it to Per; she gives it to Eva Lund
 * (behandlare2), who prints the information letter (never naming him) and records that she
 * accepted. He starts, stays away once: Eva is told that, and nothing else. Eva raises a risk
 * alert; Per sees its level, not her reason. When Per ends the treatment, the consent scan is
 * destroyed with a receipt, his case closes with whether its goal was reached (asked by the
 * end itself), and Eva's case gets its closing conversation and follow-up.
 * The people are this file's own; the steps run in order and share what they made.
 */

const identity = (century: string, nine: string) =>
  `${century}${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
// Fictional: birth numbers 980–989 are not given to real people. This file only.
const him = { givenName: "Ragnar", familyName: "Storm", number: identity("19", "691107984") };
const her = { givenName: "Tove", familyName: "Lindqvist", number: identity("19", "720318986") };
const herPhone = "070-555 66 77";
const herAddress = "Ljusgatan 5, 111 22 Demostad";
const alertReason = "Tove berättar att han stått utanför hennes dörr i natt.";
const endReason = "Han har gått igenom hela programmet och vill avsluta.";
const ownView = "Jag har lärt mig att gå därifrån innan det blir bråk.";

const journey: { hisCase?: string; herCase?: string } = {};
let dir = "";
const scanName = `samtycke-ragnar-${Date.now()}.pdf`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "frid-story-"));
  await writeFile(join(dir, scanName), Buffer.from("%PDF-1.4\n% undertecknad\n%%EOF\n"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function mainText(page: Page) {
  return (await page.locator("main").textContent()) ?? "";
}

/** A downloaded PDF's text, one line of words. */
async function downloadedText(page: Page, link: Locator) {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const bytes = new Uint8Array(await readFile(await download.path()));
  return (await pdfText(bytes)).replace(/\s+/g, " ");
}

const casePath = (id?: string, section?: string) =>
  section ? `/cases/${id}/${section}` : `/cases/${id}`;

describe("partner contact from start to end, behind the information barrier", () => {
  const browser = useBrowser();

  it("Per registers the man, opens his treatment case and registers the treatment", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1");
    await registerPerson(page, him);
    const open = page.getByRole("form", { name: "Öppna ärende" });
    await open.getByLabel("Enhet").selectOption({ label: "Kriscentrum" });
    const type = open.getByLabel("Typ av ärende");
    // Her case is never opened by hand: only through his consent, behind a barrier.
    expect(await type.locator("option").allTextContents()).not.toContain("Partnerkontakt");
    await type.selectOption({ label: "Våldsutövare" });
    await open.getByRole("button", { name: "Öppna ärende" }).click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.hisCase = new URL(page.url()).pathname.split("/").at(-1);

    await openSection(page, "Behandling");
    const treatment = page.getByRole("region", { name: "Behandling", exact: true });
    const register = treatment.getByRole("form", { name: "Registrera behandling" });
    await register.getByRole("radio", { name: "Egen kontakt" }).check();
    await fillDate(register, "Första kontakt med mottagningen", day(-14));
    await register.getByRole("button", { name: "Registrera behandlingen" }).click();
    await expect.poll(() => statusText(page)).toContain("Behandlingen är registrerad.");
    const details = page.getByRole("region", { name: "Om ärendet" });
    await expect.poll(() => details.textContent()).toContain("StatusBedömningsfas");

    await openSection(page, "Partnerkontakt");
    const partnerContact = page.getByRole("region", { name: "Partnerkontakt" });
    const inform = partnerContact.getByRole("form", {
      name: "Han har fått information om partnerkontakt",
    });
    await fillDate(inform, "Information om partnerkontakt given (datum)", day(-14));
    await inform.getByRole("button", { name: "Registrera informationen" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain("Informationen om partnerkontakt är registrerad.");
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("Per prints the consent form, attaches the signed scan and records her details", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare1", casePath(journey.hisCase, "documents"));
    const documents = page.getByRole("region", { name: "Handlingar" });
    const form = await downloadedText(
      page,
      documents.getByRole("link", { name: "Skriv ut samtyckesblankett (PDF)" }),
    );
    expect(form).toContain("Samtycke till partnerkontakt");
    expect(form).toContain(fullName(him));
    expect(form).toContain("barn far illa");
    expect(form).toContain("23 kap. 6 § brottsbalken");
    expect(form).toContain("förstörs när min behandling avslutas");

    const upload = documents.getByRole("form", { name: "Bifoga den undertecknade blanketten" });
    await upload.getByLabel("Inskannad blankett").setInputFiles(join(dir, scanName));
    await upload.getByRole("button", { name: "Bifoga blanketten" }).click();
    await expect
      .poll(() => statusText(page))
      .toContain(`samtycke-partnerkontakt-${day()}.pdf är bifogad.`);
    await expectNoSeriousA11yViolations(page);

    await openSection(page, "Partnerkontakt");
    const partnerContact = page.getByRole("region", { name: "Partnerkontakt" });
    const add = partnerContact.getByRole("form", { name: "Lägg till partner" });
    await add
      .getByRole("group", { name: "Relation" })
      .getByRole("radio", { name: "Nuvarande partner" })
      .check();
    await add
      .getByRole("group", { name: "Får partnern kontaktas?" })
      .getByRole("radio", { name: "Han samtycker" })
      .check();
    await add
      .getByRole("group", { name: "Samtyckets form" })
      .getByRole("radio", { name: "Skriftligt" })
      .check();
    await fillDate(add, "Samtycke givet (datum)", day(-13));
    const reach = add.getByRole("group", { name: "Hur partnern kan nås" });
    await reach.getByLabel("Förnamn").fill(her.givenName);
    await reach.getByLabel("Efternamn").fill(her.familyName);
    await reach.getByLabel("Personnummer").fill(her.number);
    await reach.getByLabel("Telefon").fill(herPhone);
    await reach.getByLabel("Adress").fill(herAddress);
    await add.getByRole("button", { name: "Lägg till partnern" }).click();
    await expect.poll(() => statusText(page)).toContain("Partnern är tillagd.");
    await partnerContact.getByRole("article", { name: "Partner 1: Nuvarande partner" }).waitFor();

    // From now on his side knows her only as "his partner": nothing of hers on his page.
    await page.reload();
    await partnerContact.getByRole("article", { name: "Partner 1: Nuvarande partner" }).waitFor();
    const text = await mainText(page);
    for (const secret of [her.familyName, herPhone, "Ljusgatan", her.number.slice(0, 8)])
      expect(text).not.toContain(secret);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("the manager finds her case waiting, is not offered Per, and gives it to Eva", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "krischef");
    const unit = page.getByRole("region", { name: "Att göra på enheten", exact: true });
    const row = unit.getByRole("row").filter({ hasText: fullName(her) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Partnerkontakt utan behandlare: fördela ärendet");
    await expectNoSeriousA11yViolations(page);
    await row.getByRole("link").first().click();
    await expect.poll(() => heading(page)).toMatch(/^Ärende \S+/);
    journey.herCase = new URL(page.url()).pathname.split("/").at(-1);
    const details = page.getByRole("region", { name: "Om ärendet" });
    expect(await details.textContent()).toContain("Partnerkontakt");

    await openSection(page, "Status och ansvar");
    const assign = page.getByRole("form", { name: "Tilldela ärendet" });
    // Per works his treatment: the barrier keeps him from her case, so he is not offered.
    const staff = assign.getByLabel("Medarbetare");
    await staff.locator("option", { hasText: "Eva Lund" }).waitFor({ state: "attached" });
    expect(await staff.locator("option", { hasText: "Per Holm" }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await assign.getByLabel("Medarbetare").selectOption({ label: "Eva Lund (Behandlare)" });
    await assign.getByRole("button", { name: "Tilldela" }).click();
    await expect.poll(() => statusText(page)).toContain("Eva Lund är tilldelad ärendet.");
    expect(problems).toEqual([]);
  });

  it("Eva prints the information letter — it never names him — and records her yes", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "behandlare2", casePath(journey.herCase, "partner-contact"));
    const panel = page.getByRole("region", { name: "Partnerkontakt" });
    await panel.getByText("Nuvarande partner till den som går i behandling").waitFor();
    expect(await panel.textContent()).toContain(herPhone);
    const letter = await downloadedText(
      page,
      panel.getByRole("link", { name: "Skriv ut informationsbrevet (PDF)" }),
    );
    for (const sentence of [
      "Erbjudande om samtal – partnerkontakt",
      "Det du berättar för oss förs aldrig vidare till hen.",
      "Erbjudandet står kvar även om du säger nej nu",
      "Ring 112 om du eller barnen är i fara.",
      fullName(her),
      "Ljusgatan 5",
    ])
      expect(letter).toContain(sentence);
    expect(letter).not.toContain(him.familyName);
    expect(letter).not.toContain(him.givenName);

    const attempt = panel.getByRole("form", { name: "Registrera kontakt" });
    await attempt.getByRole("group", { name: "Sätt" }).getByRole("radio", { name: "Brev" }).check();
    await attempt
      .getByRole("group", { name: "Utfall" })
      .getByRole("radio", { name: "Skickat" })
      .check();
    await fillDate(attempt, "Datum", day(-12));
    await attempt.getByRole("button", { name: "Registrera kontakten" }).click();
    await expect.poll(() => statusText(page)).toContain("Kontakten är registrerad.");
    await attempt
      .getByRole("group", { name: "Sätt" })
      .getByRole("radio", { name: "Telefon" })
      .check();
    await attempt
      .getByRole("group", { name: "Utfall" })
      .getByRole("radio", { name: "Tackade ja", exact: true })
      .check();
    await fillDate(attempt, "Datum", day(-10));
    await attempt.getByRole("button", { name: "Registrera kontakten" }).click();
    await expect.poll(() => panel.textContent()).toContain("Har tackat ja till kontakt");
    await expectNoSeriousA11yViolations(page);

    // His case is beyond the barrier: it answers like a case that does not exist.
    await page.goto(`${baseURL}${casePath(journey.hisCase)}`);
    await page.getByText("Ärendet finns inte eller så saknar du behörighet.").waitFor();
    expect(await mainText(page)).not.toContain(him.familyName);
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it("he starts and stays away once: Eva is told that, and nothing else", async () => {
    const { page, baseURL, problems, newPage } = browser();
    await login(page, baseURL, "behandlare1", casePath(journey.hisCase, "treatment"));
    const treatment = page.getByRole("region", { name: "Behandling", exact: true });
    const start = treatment.getByRole("form", { name: "Behandlingen börjar" });
    await fillDate(start, "Behandlingen började", day(-7));
    await start.getByRole("button", { name: "Registrera att behandlingen börjar" }).click();
    await expect.poll(() => statusText(page)).toContain("Behandlingen har börjat.");
    for (const [date, came] of [
      [day(-7), "Kom"],
      [day(-1), "Uteblev"],
    ] as const) {
      const session = treatment.getByRole("form", { name: "Registrera samtal" });
      await fillDate(session, "Datum", date);
      await session.getByRole("radio", { name: came }).check();
      await session.getByRole("button", { name: "Registrera samtalet" }).click();
      await expect
        .poll(() => treatment.getByRole("table", { name: "Samtal, senaste först" }).textContent())
        .toContain(`${date}${came}`);
    }

    const eva = await newPage();
    await login(eva, baseURL, "behandlare2", casePath(journey.herCase, "partner-contact"));
    const barrier = eva.getByRole("region", { name: "Meddelanden över informationsspärren" });
    const absence = barrier
      .getByRole("article")
      .filter({ hasText: `Uteblev från samtal ${day(-1)}` });
    await absence.waitFor();
    // Exactly two messages crossed: that he started, and the session he stayed away from —
    // the session he came to, and anything said in it, did not.
    const crossed = barrier.getByRole("article");
    expect(await crossed.count()).toBe(2);
    expect(await crossed.filter({ hasText: "Behandlingen har börjat" }).count()).toBe(1);
    expect(await crossed.filter({ hasText: "Uteblev från samtal" }).count()).toBe(1);
    await absence.getByRole("button", { name: "Kvittera" }).click();
    await expect.poll(() => statusText(eva)).toContain("Meddelandet är kvitterat.");
    await expectNoSeriousA11yViolations(eva);
    expect(problems).toEqual([]);
  });

  it("Eva raises a risk alert; Per sees the level, not her reason, and acknowledges it", async () => {
    const { page, baseURL, problems, newPage } = browser();
    await login(page, baseURL, "behandlare2", casePath(journey.herCase, "partner-contact"));
    const barrier = page.getByRole("region", { name: "Meddelanden över informationsspärren" });
    const alert = barrier.getByRole("form", { name: "Skicka risklarm" });
    await alert.getByRole("radio", { name: "Hög", exact: true }).check();
    await alert.getByLabel("Skäl").fill(alertReason);
    await alert.getByRole("button", { name: "Skicka risklarm" }).click();
    await expect.poll(() => statusText(page)).toContain("Risklarmet är skickat.");

    const per = await newPage();
    await login(per, baseURL, "behandlare1", casePath(journey.hisCase, "partner-contact"));
    const his = per.getByRole("region", { name: "Meddelanden över informationsspärren" });
    const received = his
      .getByRole("article")
      .filter({ hasText: "Risklarm: Hög" })
      .filter({ has: per.getByRole("button", { name: "Kvittera" }) });
    await received.waitFor();
    expect(await his.textContent()).not.toContain("utanför hennes dörr");
    expect(await received.textContent()).toContain("Går till enhetschefen");
    await expectNoSeriousA11yViolations(per);
    await received.getByRole("button", { name: "Kvittera" }).click();
    await expect.poll(() => statusText(per)).toContain("Meddelandet är kvitterat.");

    // Eva sees that it was acknowledged, not by whom.
    await page.reload();
    const mine = barrier.getByRole("article").filter({ hasText: alertReason });
    await expect.poll(() => mine.textContent()).toMatch(/Kvitterat \d{4}-/);
    expect(await mine.textContent()).not.toContain("Per Holm");
    expect(problems).toEqual([]);
  });

  it("Per ends the treatment: the scan is destroyed with a receipt; Eva's case gets what follows", async () => {
    const { page, baseURL, problems, newPage } = browser();
    await login(page, baseURL, "behandlare1", casePath(journey.hisCase, "treatment"));
    const treatment = page.getByRole("region", { name: "Behandling", exact: true });
    const end = treatment.getByRole("form", { name: "Avsluta behandlingen" });
    await fillDate(end, "Behandlingen avslutades", day());
    await end.getByRole("radio", { name: "Genomförd" }).check();
    await end.getByLabel("Varför behandlingen avslutas").fill(endReason);
    // The end closes his case: it asks whether the goal was reached, as the close form does.
    await closeGivingOutcome(page, end, "Avsluta behandlingen", ownView);
    await expect
      .poll(() => statusText(page))
      .toContain("Behandlingen är avslutad och ärendet är stängt.");
    await openSection(page, "Dokument");
    const documents = page.getByRole("region", { name: "Handlingar" });
    const scan = documents.getByRole("article", { name: `samtycke-partnerkontakt-${day()}.pdf` });
    await expect.poll(() => scan.textContent()).toMatch(/Förstörd \d{4}-\d{2}-\d{2}.* av Per Holm/);
    // Crypto-shredding (issue 19 item 5): the receipt says its own key is gone.
    expect(await scan.textContent()).toMatch(
      /egen nyckel förstördes .*kan inte läsas i databasen, dess WAL eller dess säkerhetskopior/,
    );
    expect(await scan.getByRole("link").count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    // The outcome given at the end is the closed case's: nothing left to record afterwards.
    await openSection(page, "Status och ansvar");
    const outcome = page.getByRole("region", { name: "Måluppfyllelse vid avslut" });
    await expect.poll(() => outcome.locator("dl").textContent()).toContain("Delvis");
    expect(await outcome.locator("dl").textContent()).toContain(ownView);

    const eva = await newPage();
    await login(eva, baseURL, "behandlare2", casePath(journey.herCase, "partner-contact"));
    const barrier = eva.getByRole("region", { name: "Meddelanden över informationsspärren" });
    await barrier.getByRole("article").filter({ hasText: "Behandlingen avslutades" }).waitFor();
    await openSection(eva, "Översikt");
    const tasks = eva.getByRole("region", { name: "Uppgifter att göra" });
    await tasks.getByText(/erbjud ett avslutande samtal/).waitFor();
    expect(await tasks.textContent()).toContain("Uppföljande kontakt med partnern");
    expect(await tasks.textContent()).toContain("Automatiskt");
    expect(await tasks.textContent()).not.toContain("Per Holm");
    await expectNoSeriousA11yViolations(eva);
    expect(problems).toEqual([]);
  });
});
