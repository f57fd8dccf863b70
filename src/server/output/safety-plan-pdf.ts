import type { SafetyPlanVersion } from "../../shared/api/safety-plans.ts";
import { type ProtectionLevel, shownReference, showPerson } from "../../shared/protection.ts";
import { writePdf } from "./pdf.ts";

/**
 * The safety plan on paper, to be handed over in a meeting. It never carries an address:
 * a plan that says where someone is safe is the last thing that may go by post. Under
 * fingerade personuppgifter it names nobody and carries no case reference (the one rule,
 * showPerson): a lost paper must not tie her identity to the case.
 */
const kindText: Record<SafetyPlanVersion["measures"][number]["kind"], string> = {
  safe_place: "Säker plats att ta sig till",
  code_word: "Kodord",
  trusted_people: "Personer att lita på",
  emergency_phone: "Telefon med nödnummer",
  safety_alarm: "Trygghetslarm",
  contact_ban: "Kontaktförbud",
  school_informed: "Skolan/förskolan informerad om vem som får hämta",
  other: "Annan åtgärd",
};
const statusText = { planned: "Planerad", in_place: "Genomförd", ended: "Avslutad" } as const;

export function renderSafetyPlan(p: {
  organisation: string;
  unit: string;
  reference: string;
  person: { name: string; protectionLevel: ProtectionLevel };
  plan: SafetyPlanVersion;
}): Promise<Buffer> {
  const shown = showPerson({ ...p.person, identityNumber: null }, "document");
  const reference = shownReference(p.person.protectionLevel, p.reference);
  const info = { title: "Säkerhetsplan", author: p.organisation, subject: reference ?? "" };
  return writePdf(info, ({ text, heading, font }) => {
    font("bold", 14);
    text(p.organisation);
    font("regular", 10);
    text(p.unit);
    const filed = reference ? `Diarienummer: ${reference}    ` : "";
    text(`${filed}Version ${p.plan.version}, ${p.plan.savedAt.slice(0, 10)}`);
    text("Lämnas personligen. Skickas aldrig med post.");
    heading(shown.name ? `Säkerhetsplan för ${shown.name}` : "Säkerhetsplan", 16);
    text("Ring 112 om du eller barnen är i fara.");
    for (const m of p.plan.measures) {
      heading(kindText[m.kind]);
      text(m.description);
      text(`Gäller: ${m.forWhom}`);
      text(`Ansvarig: ${m.responsible}`);
      text(`Status: ${statusText[m.status]}    Ses över senast: ${m.reviewOn}`);
    }
    heading("Upprättad av");
    text(`${p.plan.savedBy}, ${p.unit}`);
  });
}
