import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * No import cycle between the modules of src/server/modules (issue 13): a module may use
 * another, never the other way round as well, so each can be read, tested and moved on its
 * own. A piece two modules share goes where it belongs (access/, audit/, or the module that
 * owns it), not into a loop. Parsed from the source, so a cycle cannot come back unnoticed.
 */

const modulesDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The module a file belongs to (its first folder under modules/), or null outside. */
function moduleOf(path: string): string | null {
  const rel = relative(modulesDir, path);
  if (rel.startsWith("..") || !rel.includes(sep)) return null;
  return rel.split(sep)[0] ?? null;
}

/** module → the other modules its files import (static and dynamic imports, re-exports). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(modulesDir)) {
    const from = moduleOf(file);
    if (!from) continue;
    const uses = graph.get(from) ?? new Set<string>();
    graph.set(from, uses);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
      const to = moduleOf(resolve(dirname(file), m[1] as string));
      if (to && to !== from) uses.add(to);
    }
  }
  return graph;
}

/** Every cycle, each as the path that closes it (a → b → a), found by depth-first search. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        // One name per cycle, whichever module it is entered from.
        const start = loop.indexOf([...loop].sort()[0] as string);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        found.add([...canonical, canonical[0]].join(" → "));
      } else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return [...found].sort();
}

describe("imports between server modules", () => {
  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["treatment", new Set(["documents"])],
      ["documents", new Set(["treatment"])],
      ["cases", new Set<string>()],
    ]);
    expect(cycles(graph)).toEqual(["documents → treatment → documents"]);
  });

  it("reads the modules' real imports", () => {
    const graph = moduleGraph();
    expect(graph.get("plans")).toBeDefined();
    expect(graph.get("intake")?.has("cases")).toBe(true);
  });

  it("has no cycle between modules", () => {
    expect(cycles(moduleGraph())).toEqual([]);
  });
});
