import type { JournalEntryType } from "../../shared/api/journal.ts";
import type { DeliveryPlan } from "./delivery.ts";
import { recipientLines } from "./delivery.ts";
import { writePdf } from "./pdf.ts";

/**
 * A case's journal for a period, on paper: the signed entries (drafts are their authors'
 * alone), oldest first as a record is read, each with when it happened, its kind, its
 * author, its text and when it was signed. The person is printed by the decision letter's
 * rules (letterIdentity, the delivery plan), as anything Frid prints about a person.
 */
export interface JournalPrint {
  organisation: string;
  unit: string;
  /** From shownReference(): null under fingerade personuppgifter, and then never printed. */
  reference: string | null;
  printedOn: string;
  from: string;
  to: string;
  recipient: { name: string | null; identityNumber: string | null };
  delivery: DeliveryPlan;
  entries: {
    occurredAt: string;
    entryType: JournalEntryType;
    author: string;
    body: string;
    signedAt: string;
    corrects: string | null;
  }[];
}

export const entryTypeText: Record<JournalEntryType, string> = {
  conversation: "Samtal",
  home_visit: "Hembesök",
  phone: "Telefonsamtal",
  meeting: "Möte",
  agency_consultation: "Samråd med annan myndighet",
  other: "Övrigt",
};

export function renderJournal(j: JournalPrint): Promise<Buffer> {
  const info = { title: "Journal", author: j.organisation, subject: j.reference ?? "Journal" };
  return writePdf(info, ({ text, heading, font, doc }) => {
    font("bold", 14);
    text(j.organisation);
    font("regular", 10);
    text(j.unit);
    const filed = j.reference ? `Diarienummer: ${j.reference}    ` : "";
    text(`${filed}Utskriven: ${j.printedOn}`);
    if (j.delivery.warning === "confidentiality_marking")
      text("Sekretessmarkering: pröva sekretessen innan uppgifter lämnas ut.");

    doc.moveDown(1.2).fontSize(11);
    for (const line of recipientLines(j.recipient, j.delivery)) text(line);

    heading(`Journal ${j.from} – ${j.to}`, 16);
    text(
      j.entries.length === 0
        ? "Inga signerade anteckningar under perioden."
        : `${j.entries.length} signerade anteckningar, äldst först.`,
    );
    for (const e of j.entries) {
      heading(`${e.occurredAt}, ${entryTypeText[e.entryType]}`, 11);
      font("regular", 10);
      text(`Skriven av ${e.author}. Signerad ${e.signedAt}.`);
      if (e.corrects) text(`Rättelse av anteckning från ${e.corrects}.`);
      font("regular", 11);
      text(e.body);
    }
  });
}
