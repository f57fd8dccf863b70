import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../paths.ts";

/**
 * The one font of every PDF Frid writes: DejaVu Sans, regular and bold, embedded (subset) in
 * each document so any name prints as itself — Polish, Sámi, Arabic, Cyrillic — where the
 * standard PDF fonts knew Latin-1 only (ADR 0011; the files and their licence are in fonts/).
 * Read once per process: a letter should not cost a disk read of 1.4 MB.
 */
// From the project's root, not this module: the server also runs as one bundle in
// dist/server (npm start), where a path beside the module would not exist.
const file = (name: string) => readFileSync(join(projectRoot, "src/server/output/fonts", name));
const regular = file("DejaVuSans.ttf");
const bold = file("DejaVuSans-Bold.ttf");

export type Weight = "regular" | "bold";

/**
 * The names a document's fonts go by. Right-to-left runs get the same font under a name of
 * their own: drawn as a separate font, pdfkit shapes the run on its own and readers (pdf.js)
 * see where it starts and ends (see pdf.ts, rtlRuns).
 */
export const fontName = {
  regular: { ltr: "Frid", rtl: "Frid-RTL" },
  bold: { ltr: "Frid-Bold", rtl: "Frid-Bold-RTL" },
} as const satisfies Record<Weight, { ltr: string; rtl: string }>;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(fontName.regular.ltr, regular);
  doc.registerFont(fontName.regular.rtl, regular);
  doc.registerFont(fontName.bold.ltr, bold);
  doc.registerFont(fontName.bold.rtl, bold);
}
