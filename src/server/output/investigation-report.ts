import type { InvestigationSection } from "../../shared/api/investigation.ts";
import { type DeliveryPlan, recipientLines } from "./delivery.ts";
import { writePdf } from "./pdf.ts";

/**
 * The investigation as the report the committee and the client receive (issue 15): the
 * case, the person as letterIdentity() and the delivery plan allow (the decision letter's
 * rules: no address unless it may be posted there), the structured sections, the children,
 * the latest risk assessment, the summary and the assessment, with dates and the
 * responsible workers.
 */
export interface InvestigationReport {
  organisation: string;
  unit: string;
  /** From shownReference(): null under fingerade personuppgifter, and then never printed. */
  reference: string | null;
  caseType: string;
  printedOn: string;
  openedOn: string;
  recipient: { name: string | null; identityNumber: string | null };
  delivery: DeliveryPlan;
  responsible: string[];
  sectionKeys: InvestigationSection[];
  sections: Partial<Record<InvestigationSection, string>>;
  childrenWitnessedViolence: boolean | null;
  /** The case's children, each as letterIdentity() allows (null name: not printed). */
  children: { name: string | null; identityNumber: string | null }[];
  risk: { levelLabel: string; instrumentName: string; assessedOn: string } | null;
  summary: string;
  assessment: string;
  completed: { on: string; by: string | null } | null;
  updatedOn: string | null;
}

export const sectionText: Record<InvestigationSection, string> = {
  acute_needs: "Akuta behov",
  short_and_long_term_needs: "Behov på kort och lång sikt",
  nature_and_extent_of_violence: "Våldets art och omfattning",
  risk_of_further_violence: "Risk för fortsatt våld",
  network: "Nätverk",
  children_in_household: "Barn i hushållet",
  support_as_parent: "Stöd i föräldraskapet",
  childs_account: "Barnets egen berättelse",
  safety: "Barnets säkerhet",
  needs: "Barnets behov",
  parents_capacity: "Föräldrarnas förmåga",
};

const caseTypeText: Record<string, string> = {
  adult_victim: "Våldsutsatt vuxen",
  child: "Barn",
  perpetrator: "Våldsutövare",
  partner_contact: "Partnerkontakt",
};

const witnessedText = (answer: boolean | null) =>
  answer === null ? "Inte besvarat" : answer ? "Ja" : "Nej";

const notWritten = "Inget skrivet.";

export function renderInvestigationReport(r: InvestigationReport): Promise<Buffer> {
  const info = { title: "Utredning", author: r.organisation, subject: r.reference ?? "Utredning" };
  return writePdf(info, ({ text, heading, font, doc }) => {
    font("bold", 14);
    text(r.organisation);
    font("regular", 10);
    text(r.unit);
    const filed = r.reference ? `Diarienummer: ${r.reference}    ` : "";
    text(`${filed}Utskriven: ${r.printedOn}`);
    if (r.delivery.warning === "confidentiality_marking")
      text("Sekretessmarkering: pröva sekretessen innan uppgifter lämnas ut.");

    doc.moveDown(1.2).fontSize(11);
    for (const line of recipientLines(r.recipient, r.delivery)) text(line);

    heading(`Utredning – ${caseTypeText[r.caseType] ?? r.caseType}`, 16);
    text(`Ärendet öppnades: ${r.openedOn}`);
    text(
      r.completed
        ? `Utredningen avslutades: ${r.completed.on}${r.completed.by ? ` av ${r.completed.by}` : ""}`
        : `Utredningen pågår${r.updatedOn ? ` (senast ändrad ${r.updatedOn})` : ""}`,
    );
    text(
      `Ansvarig handläggare: ${r.responsible.length > 0 ? r.responsible.join(", ") : "ingen utsedd"}`,
    );

    for (const key of r.sectionKeys) {
      heading(sectionText[key]);
      text(r.sections[key]?.trim() || notWritten);
    }
    if (r.caseType !== "child") {
      heading("Har barnen bevittnat våld?");
      text(witnessedText(r.childrenWitnessedViolence));
    }

    heading("Barn i ärendet");
    if (r.children.length === 0) text("Inga barn är registrerade i ärendet.");
    for (const child of r.children)
      text(
        [child.name ?? "Namnet skrivs inte ut", child.identityNumber]
          .filter((part) => part !== null)
          .join(", "),
      );

    heading("Riskbedömning");
    text(
      r.risk
        ? `Senaste bedömning ${r.risk.assessedOn} (${r.risk.instrumentName}):`
        : "Ingen riskbedömning är gjord i ärendet.",
    );
    if (r.risk) text(r.risk.levelLabel);

    heading("Sammanfattning");
    text(r.summary.trim() || notWritten);
    heading("Bedömning");
    text(r.assessment.trim() || notWritten);
  });
}
