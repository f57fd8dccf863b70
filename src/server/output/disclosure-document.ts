import type { DisclosureChannel } from "../../shared/api/collaboration.ts";
import { shownReference } from "../../shared/protection.ts";
import type { ProtectionLevel } from "../db/types.ts";
import { letterIdentity } from "./delivery.ts";
import { writePdf } from "./pdf.ts";

/**
 * The document that goes with information leaving social services (issue 18, item 4): a
 * header saying it was secrecy-reviewed and on which ground, the recipient, the person as the
 * recipient may see her, the information. What is never printed:
 *  - a protected person's address, phone or e-mail (sekretessmarkering, skyddad folkbokföring,
 *    fingerade personuppgifter), whatever the form asked: the line says they are withheld;
 *  - a fictitious identity's real name or number (letterIdentity, as every letter);
 *  - the personal identity number, unless the reviewer said the information needs it (the
 *    recipient often knows her already; a number is what ties records together).
 * An unprotected person's address and contact details only when the reviewer included them.
 */
export interface DisclosureDocument {
  organisation: string;
  unit: string;
  reference: string;
  /** "OSL (2009:400) 10 kap. 23 § …", "samtycke lämnat 2026-11-01", "domstolens begäran, mål T 123-26". */
  groundText: string;
  recipient: { agency: string | null; unit: string | null; name: string | null };
  channel: DisclosureChannel;
  person: {
    name: string;
    identityNumber: string | null;
    protection: ProtectionLevel;
    postalAddress: string | null;
    phone: string | null;
    email: string | null;
  };
  includeIdentityNumber: boolean;
  includeContactDetails: boolean;
  information: string;
  disclosedOn: string;
  reviewedBy: string;
}

export const channelText: Record<DisclosureChannel, string> = {
  letter: "Brev",
  secure_email: "Krypterad e-post",
  secure_digital: "Säker digital kommunikation",
  phone: "Telefon",
  meeting: "Vid möte",
  handed_over: "Överlämnad personligen",
};

export const disclosureHeader = "SEKRETESSPRÖVAD UPPGIFT";

/** The lines naming the person: only what the rules above allow. */
export function personLines(d: DisclosureDocument): string[] {
  const identity = letterIdentity({
    protectionLevel: d.person.protection,
    name: d.person.name,
    identityNumber: d.includeIdentityNumber ? d.person.identityNumber : null,
  });
  const lines = [identity.name ?? "Personen har skyddade personuppgifter; namnet skrivs inte ut."];
  if (identity.identityNumber) lines.push(`Personnummer: ${identity.identityNumber}`);
  if (d.person.protection !== "none") {
    lines.push(
      "Adress och kontaktuppgifter lämnas inte ut: personen har skyddade personuppgifter.",
    );
    return lines;
  }
  if (!d.includeContactDetails) return lines;
  if (d.person.postalAddress) lines.push(`Adress: ${d.person.postalAddress}`);
  if (d.person.phone) lines.push(`Telefon: ${d.person.phone}`);
  if (d.person.email) lines.push(`E-post: ${d.person.email}`);
  return lines;
}

export function renderDisclosureDocument(d: DisclosureDocument): Promise<Buffer> {
  // Under a fictitious identity the case's reference would tie the invented name to the real
  // file at the recipient: it is left out, as on the SIP.
  const reference = shownReference(d.person.protection, d.reference);
  const info = {
    title: "Utlämnande av uppgifter",
    author: d.organisation,
    subject: reference ?? "Utlämnande",
  };
  return writePdf(info, ({ text, heading, font }) => {
    font("bold", 14);
    text(`${disclosureHeader} — utlämnad enligt ${d.groundText}`);
    font("regular", 10);
    text(
      "Uppgifterna kommer från socialtjänsten och omfattas där av sekretess. Lämna inte uppgifterna vidare utan att pröva sekretessen enligt de regler som gäller hos er.",
    );
    const filed = reference ? `    Diarienummer: ${reference}` : "";
    text(`${d.organisation}, ${d.unit}${filed}    Datum: ${d.disclosedOn}`);
    heading("Mottagare");
    const recipient = [d.recipient.agency, d.recipient.unit, d.recipient.name].filter(
      (x): x is string => Boolean(x),
    );
    text(recipient.join(", "));
    text(`Sätt: ${channelText[d.channel]}`);
    heading("Uppgifterna gäller");
    for (const line of personLines(d)) text(line);
    heading("Uppgifter som lämnas ut");
    text(d.information);
    heading("Sekretessprövning");
    text(`Prövad av ${d.reviewedBy}, ${d.unit}.`);
  });
}
