import { describe, expect, it } from "vitest";
import { refusalPage } from "./refusal-page.ts";

describe("the refusal page after a provider's login", () => {
  it("says why in Swedish, escaped, with the way back to the login and no script", () => {
    const page = refusalPage('För låg nivå <script>alert("x")</script>');
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain('<h1 class="page-title">Inloggningen misslyckades</h1>');
    expect(page).toContain("För låg nivå &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
    expect(page).toContain('<a class="button" href="/">Till inloggningen</a>');
    expect(page).not.toMatch(/<script|style=|<style/i);
  });

  it("links only the web build's own stylesheets, from Frid's origin", () => {
    const hrefs = [...refusalPage("x").matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map(
      (m) => m[1],
    );
    for (const href of hrefs) expect(href).toMatch(/^\/assets\/[\w.-]+\.css$/);
  });

  it("shows the DEMO banner only in demo mode, as the app's header does", () => {
    expect(refusalPage("x", { demo: true })).toContain("DEMO – fiktiva uppgifter");
    expect(refusalPage("x")).not.toContain("DEMO");
  });
});
