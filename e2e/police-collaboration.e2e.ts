import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, useBrowser } from "./fixtures/browser.ts";
import { openMyCase, openSection } from "./fixtures/case.ts";
import { fillDate } from "./fixtures/dates.ts";
import { login } from "./fixtures/login.ts";
import { day, statusText } from "./fixtures/page.ts";

/*
 * Police collaboration (issue 18, item 9): in Anna Andersson's demo case handlaggare1 finds
 * the granted restraining order the demo gave her (against the man she named, Peter Holm)
 * under Samverkan, and records an application for a new one. The application is not granted,
 * so it adds no line to Att göra; this file writes only that order.
 */

const panelName = "Polis: kontaktförbud, skyddslarm, polisanmälda händelser";

describe("police collaboration in a victim's case", () => {
  const browser = useBrowser();

  it("a caseworker sees the restraining order and records an application for a new one", async () => {
    const { page, baseURL, problems } = browser();
    await login(page, baseURL, "handlaggare1");
    await openMyCase(page, "Anna Andersson");
    await openSection(page, "Samverkan");

    const panel = page.getByRole("region", { name: panelName });
    await panel.getByText("Peter Holm").first().waitFor();
    expect(await panel.textContent()).toContain("Kontaktförbud, Beviljat");
    await expectNoSeriousA11yViolations(page);

    // The forms stand behind their buttons; the lists stay in view.
    expect(await panel.getByRole("form").count()).toBe(0);
    await panel.getByRole("button", { name: "Registrera kontaktförbud" }).click();
    const form = panel.getByRole("form", { name: "Registrera kontaktförbud" });
    await form.getByLabel("Slag").selectOption({ label: "Kontaktförbud" });
    await form.getByLabel("Status").selectOption({ label: "Ansökt" });
    await form.getByLabel("Skyddad person").selectOption({ label: "Anna Andersson" });
    await form.getByLabel("Gäller (namn)").fill("Peter Holm");
    await fillDate(form, "Gäller från", day(1));
    const sent = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/restraining-orders"),
    );
    await form.getByRole("button", { name: "Spara kontaktförbudet" }).click();
    expect((await sent).status()).toBe(201);
    await expect.poll(() => statusText(page)).toContain("Uppgiften är sparad.");
    await panel.getByRole("heading", { name: "Kontaktförbud, Ansökt" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Read again from the server: the application stays beside the granted order.
    await page.reload();
    await panel.getByRole("heading", { name: "Kontaktförbud, Ansökt" }).waitFor();
    expect(problems).toEqual([]);
  });
});
