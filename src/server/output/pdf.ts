import PDFDocument from "pdfkit";
import { fontName, registerFonts, type Weight } from "./fonts.ts";

/**
 * One way to write a PDF in Frid: A4, Swedish document language and title for screen
 * readers, DejaVu Sans embedded (fonts.ts) so every name prints as written. Documents choose
 * a weight (`font`) and write with `text`/`heading`, never with doc.font or doc.text
 * directly: `text` is what puts a right-to-left name the right way round.
 */
export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  text: (s: string, options?: PDFKit.Mixins.TextOptions) => void;
  heading: (s: string, size?: number) => void;
  font: (weight: Weight, size?: number) => void;
}

/** Arabic and Hebrew letters (with their presentation forms). */
const rtlLetter = "\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefc";
const rtlRun = new RegExp(`[${rtlLetter}](?:[${rtlLetter}\\s]*[${rtlLetter}])?`, "g");
const hasRtl = new RegExp(`[${rtlLetter}]`);

/**
 * A line cut into left-to-right and right-to-left runs. pdfkit lays out one direction per
 * call; fontkit shapes and reverses an Arabic run when it is drawn on its own, so each run
 * is drawn by itself (`continued`) in the direction's font, with its features named (the
 * right-to-left alternates: without a feature list pdfkit spaced the run word by word, and
 * the reversed words lost the space between them). A long right-to-left paragraph
 * that wraps would still order its lines left to right: names and short phrases are what
 * Frid prints in those scripts.
 */
export function rtlRuns(line: string): { text: string; rtl: boolean }[] {
  const runs: { text: string; rtl: boolean }[] = [];
  let at = 0;
  for (const m of line.matchAll(rtlRun)) {
    if (m.index > at) runs.push({ text: line.slice(at, m.index), rtl: false });
    runs.push({ text: m[0], rtl: true });
    at = m.index + m[0].length;
  }
  if (at < line.length || runs.length === 0) runs.push({ text: line.slice(at), rtl: false });
  return runs;
}

function writer(doc: PDFKit.PDFDocument): PdfWriter {
  let weight: Weight = "regular";
  const font = (w: Weight, size?: number) => {
    weight = w;
    doc.font(fontName[w].ltr);
    if (size !== undefined) doc.fontSize(size);
  };
  const line = (s: string, options?: PDFKit.Mixins.TextOptions) => {
    const runs = rtlRuns(s);
    runs.forEach((run, i) => {
      doc.font(fontName[weight][run.rtl ? "rtl" : "ltr"]);
      const features: PDFKit.Mixins.TextOptions = run.rtl ? { features: ["rtla"] } : {};
      doc.text(run.text, { ...options, ...features, continued: i < runs.length - 1 });
    });
    doc.font(fontName[weight].ltr);
  };
  const text = (s: string, options?: PDFKit.Mixins.TextOptions) => {
    if (!hasRtl.test(s)) {
      doc.text(s, options);
      return;
    }
    for (const l of s.split(/\r?\n/)) line(l, options);
  };
  const heading = (s: string, size = 12) => {
    doc.moveDown(0.8);
    font("bold", size);
    text(s);
    font("regular", 11);
  };
  return { doc, text, heading, font };
}

export function writePdf(
  info: { title: string; author: string; subject: string },
  draw: (w: PdfWriter) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    lang: "sv-SE",
    pdfVersion: "1.7",
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const w = writer(doc);
  w.font("regular", 11);
  draw(w);
  doc.end();
  return done;
}
