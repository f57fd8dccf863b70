import { type DeliveryPlan, recipientLines } from "./delivery.ts";
import { writePdf } from "./pdf.ts";

/**
 * The decision letter (beslutsbrev) as a PDF, in Swedish: the organisation, the decision, its
 * legal basis, the reasoning, who decided, and how to appeal when not everything was granted.
 * The address block comes only from the delivery plan (delivery.ts): a letter that must not
 * be posted has none and says it is handed over in person.
 */
export interface DecisionLetter {
  organisation: string;
  unit: string;
  /** From shownReference(): null under fingerade personuppgifter, and then never printed. */
  reference: string | null;
  decidedOn: string;
  /** From letterIdentity(): null where the identity must not be printed. */
  recipient: { name: string | null; identityNumber: string | null };
  delivery: DeliveryPlan;
  interventionName: string;
  legalReference: string;
  outcome: "granted" | "partly_granted" | "denied";
  periodFrom: string | null;
  periodTo: string | null;
  reasoning: string;
  appealInfo: string | null;
  decidedBy: string;
  /** A child's placement: on what basis (never where). */
  placementBasis: "custodians_consent" | "court_2024_79" | null;
}

const outcomeText = {
  granted: "Beviljas",
  partly_granted: "Beviljas delvis",
  denied: "Avslås",
} as const;

const basisText = {
  custodians_consent: "Placeringen sker med vårdnadshavarnas samtycke.",
  court_2024_79:
    "Placeringen sker enligt lag (2024:79) om vissa bestämmelser om barn i skyddat boende.",
} as const;

export function renderDecisionLetter(l: DecisionLetter): Promise<Buffer> {
  const info = {
    title: `Beslut – ${l.interventionName}`,
    author: l.organisation,
    subject: l.reference ?? "Beslut",
  };
  return writePdf(info, ({ doc, text, heading, font }) => {
    font("bold", 14);
    text(l.organisation);
    font("regular", 10);
    text(l.unit);
    const filed = l.reference ? `    Diarienummer: ${l.reference}` : "";
    text(`Datum: ${l.decidedOn}${filed}`);

    doc.moveDown(1.2).fontSize(11);
    for (const line of recipientLines(l.recipient, l.delivery)) text(line);

    heading(`Beslut om ${l.interventionName.toLowerCase()}`, 16);
    text(`Beslut: ${outcomeText[l.outcome]}`);
    if (l.periodFrom || l.periodTo)
      text(`Period: ${l.periodFrom ?? "–"} till ${l.periodTo ?? "tills vidare"}`);
    text(`Lagrum: ${l.legalReference}`);
    if (l.placementBasis) text(basisText[l.placementBasis]);

    heading("Skäl för beslutet");
    text(l.reasoning, { align: "left" });

    heading("Beslutsfattare");
    text(`${l.decidedBy}, ${l.unit}`);

    if (l.appealInfo) {
      heading("Så här överklagar du");
      text(l.appealInfo);
    }
  });
}
