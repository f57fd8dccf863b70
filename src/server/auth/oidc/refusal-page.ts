import { readFileSync } from "node:fs";
import { join } from "node:path";
import { webBuildDir } from "../../paths.ts";

/*
 * The page a refused browser lands on after a login through a provider (either protocol).
 * It is a navigation back from the provider, not a call of the web app, so the server
 * answers with a page of its own: no script (the SPA is not loaded), and the look of the
 * login page — its header, colours and font — from the web build's own stylesheet, linked
 * from the same origin, so the strict CSP holds. Without a build (the API tests) the page is
 * plain and says the same.
 */

let stylesheets: string[] | undefined;

/** The stylesheets the built index.html links (content-hashed names change per build). */
function webStylesheets(): string[] {
  if (stylesheets) return stylesheets;
  try {
    const index = readFileSync(join(webBuildDir, "index.html"), "utf8");
    const links = index.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
    stylesheets = links.flatMap((link) => {
      const href = /\bhref="(\/assets\/[^"]+\.css)"/.exec(link)?.[1];
      return href ? [href] : [];
    });
  } catch {
    stylesheets = [];
  }
  return stylesheets;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Swedish page of a refusal; `demo` shows the DEMO banner as every page of Frid does. */
export function refusalPage(
  message: string,
  {
    demo = false,
    heading = "Inloggningen misslyckades",
  }: { demo?: boolean; heading?: string } = {},
): string {
  const links = webStylesheets()
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join("");
  const banner = demo ? '<div class="demo-banner" role="note">DEMO – fiktiva uppgifter</div>' : "";
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light"><link rel="icon" type="image/svg+xml" href="/favicon.svg">${links}
<title>${escapeHtml(heading)} – Frid</title></head>
<body><div class="shell"><a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>
<header class="site-header">${banner}<div class="site-header__bar container"><div class="brand">
<p class="brand__name">Frid</p><p class="brand__subtitle">Ärendehantering – våld i nära relationer</p></div></div></header>
<main id="main" class="site-main container"><h1 class="page-title">${escapeHtml(heading)}</h1>
<div class="narrow"><p class="notice">${escapeHtml(message)}</p>
<p><a class="button" href="/">Till inloggningen</a></p></div></main></div></body></html>`;
}
