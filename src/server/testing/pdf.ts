import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const fonts = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** The text of a PDF, page by page, read by a real PDF parser (pdf.js) — not by grepping bytes. */
export async function pdfText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: fonts,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join(""),
    );
  }
  await pdf.destroy();
  return pages.join("\n");
}

/**
 * The text as one run of words: where a line wraps depends on the font's widths, which a
 * test of what a document says should not.
 */
export async function pdfWords(data: Uint8Array): Promise<string> {
  return (await pdfText(data)).replace(/\s+/g, " ");
}

/**
 * Names that the standard PDF fonts printed as "?": every document's tests print these and
 * read them back (issue 15). Fictional.
 */
export const unicodeNames = {
  arabic: "ليلى الحسن",
  polish: "Łucja Śliwińska-Żak",
  sami: "Áilu Čáhppes Đuoŋŋa Šiŧá Žaŋŋi",
} as const;

/**
 * The document's own title and subject (its metadata, which a viewer shows and a search
 * indexes), read by pdf.js as `pdfText` reads the pages.
 */
export async function pdfInfo(data: Uint8Array): Promise<{ title: string; subject: string }> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Subject?: string } };
  await pdf.destroy();
  return { title: info.Title ?? "", subject: info.Subject ?? "" };
}
