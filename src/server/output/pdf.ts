import PDFDocument from "pdfkit";

/**
 * One way to write a PDF in Frid: A4, Swedish document language and title for screen
 * readers, standard fonts. The standard fonts cover Latin-1; anything else would print as
 * garbage, so it prints as "?" instead (docs/security.md, "Not yet covered").
 */
export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  text: (s: string, options?: PDFKit.Mixins.TextOptions) => void;
  heading: (s: string, size?: number) => void;
}

function printable(text: string) {
  return text.replace(/[^\n\r\t\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2019\u201d\u20ac]/g, "?");
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
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const text = (s: string, options?: PDFKit.Mixins.TextOptions) => {
    doc.text(printable(s), options);
  };
  const heading = (s: string, size = 12) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(size);
    text(s);
    doc.font("Helvetica").fontSize(11);
  };
  draw({ doc, text, heading });
  doc.end();
  return done;
}
