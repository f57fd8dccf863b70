import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressDir } from "./precompress.ts";

describe("precompressDir (the web build ships gzip and brotli copies of its text files)", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes .gz and .br beside each compressible file, each decompressing to the original", () => {
    dir = mkdtempSync(join(tmpdir(), "frid-precompress-"));
    mkdirSync(join(dir, "assets"));
    const script = `export const text = ${JSON.stringify("Frid ".repeat(2000))};\n`;
    writeFileSync(join(dir, "assets/index-abc123.js"), script);
    writeFileSync(join(dir, "index.html"), `<!doctype html>${"<p>Frid</p>".repeat(200)}`);
    precompressDir(dir);
    const js = join(dir, "assets/index-abc123.js");
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(readFileSync(`${js}.br`).length).toBeLessThan(script.length / 10);
    expect(existsSync(join(dir, "index.html.br"))).toBe(true);
    expect(existsSync(join(dir, "index.html.gz"))).toBe(true);
  });

  it("leaves tiny files and images alone", () => {
    dir = mkdtempSync(join(tmpdir(), "frid-precompress-"));
    writeFileSync(join(dir, "tiny.js"), "export {};\n");
    writeFileSync(join(dir, "logo.png"), Buffer.alloc(4096, 7));
    expect(precompressDir(dir)).toEqual([]);
    expect(existsSync(join(dir, "tiny.js.gz"))).toBe(false);
    expect(existsSync(join(dir, "logo.png.br"))).toBe(false);
  });
});
