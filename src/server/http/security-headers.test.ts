import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../paths.ts";
import { contentSecurityPolicy, reactAriaStyleHashes } from "./security-headers.ts";

/*
 * React Aria writes two <style> elements with fixed text into the page. The CSP allows them by
 * hash; these tests read the text from the installed library as the browser gets it (the
 * template literal, its one interpolated constant filled in, trimmed where the code trims) and
 * hash it, so a library upgrade that changes a style fails here instead of being blocked in
 * the browser (a CSP violation the e2e journeys would only see as a console error).
 */

const reactAria = join(projectRoot, "node_modules/react-aria/dist/private");

/** The text one React Aria module assigns to its <style> element's textContent. */
function injectedStyle(file: string): string {
  const source = readFileSync(join(reactAria, file), "utf8");
  const found = /style\.textContent = `([^`]*)`(\.trim\(\))?/.exec(source);
  if (!found?.[1]) throw new Error(`${file}: no style.textContent found`);
  // Constants the template interpolates, as the module declares them.
  const constants = new Map(
    [...source.matchAll(/const ([$\w]+) = '([^']*)';/g)].map((m) => [m[1], m[2]] as const),
  );
  const text = found[1].replace(/\$\{([$\w]+)\}/g, (whole, name: string) => {
    const value = constants.get(name);
    if (value === undefined) throw new Error(`${file}: ${whole} is not a constant here`);
    return value;
  });
  // Both modules trim (one with .trim() after the literal, one before assigning it).
  return text.trim();
}

const sha256 = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("content security policy", () => {
  const injected = ["interactions/usePress.mjs", "overlays/usePreventScroll.mjs"].map(
    injectedStyle,
  );

  it("reads React Aria's two styles as the page gets them", () => {
    expect(injected[0]).toContain("[data-react-aria-pressable]");
    expect(injected[0]).toContain("touch-action: pan-x pan-y pinch-zoom;");
    expect(injected[1]).toContain("overscroll-behavior: contain;");
  });

  it("allows exactly those styles by hash, and no other inline style", () => {
    expect([...reactAriaStyleHashes].sort()).toEqual(injected.map(sha256).sort());
    const styleSrc = contentSecurityPolicy.split("; ").find((d) => d.startsWith("style-src "));
    expect(styleSrc).toBe(`style-src 'self' ${injected.map(sha256).join(" ")}`);
    expect(contentSecurityPolicy).not.toContain("unsafe-inline");
    expect(contentSecurityPolicy).toContain("script-src 'self';");
  });
});
