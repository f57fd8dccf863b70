import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Text formats worth compressing; images and fonts in the build are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const minimumBytes = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes `file.gz` and `file.br` beside every compressible file of the build, at the
 * strongest settings: compressed once at build time, not on every request, and served by
 * @fastify/static (preCompressed) to a browser that accepts the encoding. A copy that would
 * not be smaller is not written; the original is served instead.
 */
export function precompressDir(dir: string): { file: string; bytes: number }[] {
  const written: { file: string; bytes: number }[] = [];
  for (const file of filesUnder(dir)) {
    if (!compressible.test(file) || statSync(file).size < minimumBytes) continue;
    const content = readFileSync(file);
    const copies: [string, Buffer][] = [
      [".gz", gzipSync(content, { level: 9 })],
      [
        ".br",
        brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
      ],
    ];
    for (const [extension, compressed] of copies) {
      if (compressed.length >= content.length) continue;
      writeFileSync(file + extension, compressed);
      written.push({ file: file + extension, bytes: compressed.length });
    }
  }
  return written;
}

/** The Vite plugin: precompresses the output folder once the bundle is written. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "frid-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
