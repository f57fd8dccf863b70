import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureWebBuild, inputFingerprint, webBuildIsCurrent } from "./web-build.ts";

describe("inputFingerprint (npm start rebuilds the web app only when it is stale)", () => {
  let root: string;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function project() {
    root = mkdtempSync(join(tmpdir(), "frid-fp-"));
    mkdirSync(join(root, "src/web/routes"), { recursive: true });
    mkdirSync(join(root, "src/shared"), { recursive: true });
    writeFileSync(join(root, "src/web/routes/Page.tsx"), "export const a = 1;\n");
    writeFileSync(join(root, "src/shared/x.ts"), "export const b = 2;\n");
    writeFileSync(join(root, "package-lock.json"), "{}\n");
    return root;
  }

  it("changes when a web source, a shared source or the lock file changes", () => {
    const r = project();
    const before = inputFingerprint(r);
    writeFileSync(join(r, "src/web/routes/Page.tsx"), "export const a = 2;\n");
    const afterWeb = inputFingerprint(r);
    expect(afterWeb).not.toBe(before);
    writeFileSync(join(r, "src/shared/x.ts"), "export const b = 3;\n");
    expect(inputFingerprint(r)).not.toBe(afterWeb);
    const afterShared = inputFingerprint(r);
    writeFileSync(join(r, "package-lock.json"), '{"v":2}\n');
    expect(inputFingerprint(r)).not.toBe(afterShared);
  });

  it("stays the same when only timestamps or tests change", () => {
    const r = project();
    const before = inputFingerprint(r);
    utimesSync(join(r, "src/web/routes/Page.tsx"), new Date(2030, 0, 1), new Date(2030, 0, 1));
    writeFileSync(join(r, "src/web/routes/Page.test.tsx"), "test\n");
    expect(inputFingerprint(r)).toBe(before);
  });
});

describe("ensureWebBuild", () => {
  it("builds, records the fingerprint, and leaves NODE_ENV as it was (npm start runs the server next)", async () => {
    const before = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      expect(await ensureWebBuild({ force: true })).toBe("built");
      expect(process.env.NODE_ENV).toBeUndefined();
      expect(webBuildIsCurrent()).toBe(true);
      expect(await ensureWebBuild()).toBe("current");
    } finally {
      if (before !== undefined) process.env.NODE_ENV = before;
    }
  });
});
