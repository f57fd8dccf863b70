import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";

/** Markdown the repository carries for its readers: the README and everything under docs/. */
function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
    );
  return [join(projectRoot, "README.md"), ...walk(join(projectRoot, "docs"))];
}

// A relative path in backticks or a Markdown link: `../x/y.md`, (../x), (docs/adr/0001-stack.md).
const relativePath = /(?:`|\]\()((?:\.\.?\/)+[^`)\s]+)/g;

describe("the repository stands on its own", () => {
  it("no document points to a file outside the repository", () => {
    const outside: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, "utf8");
      for (const [, path] of text.matchAll(relativePath)) {
        // Read from the document's folder or from the repository's root (docs use both).
        const escapes = [resolve(file, "..", path as string), resolve(projectRoot, path as string)]
          .map((target) => relative(projectRoot, target))
          .some((target) => target.startsWith(".."));
        if (escapes) outside.push(`${relative(projectRoot, file)}: ${path}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
