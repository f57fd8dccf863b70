import type { CoordinatedPlanView } from "../../shared/api/coordinated-plans.ts";
import type { ProtectionLevel } from "../db/types.ts";
import { letterIdentity } from "./delivery.ts";
import { disclosureHeader } from "./disclosure-document.ts";
import { writePdf } from "./pdf.ts";

/**
 * The SIP on paper, for its participants: other agencies read it. It never carries the
 * person's address or identity number (the participants know her; a plan shared between
 * agencies is the last place her whereabouts should travel), a protected person's document
 * says so at the top, and one with a police-decided identity names nobody (letterIdentity).
 */
export interface CoordinatedPlanPrint {
  organisation: string;
  unit: string;
  reference: string;
  printedOn: string;
  person: { name: string; protectionLevel: ProtectionLevel };
  plan: CoordinatedPlanView;
}

const protectionWarning: Partial<Record<ProtectionLevel, string>> = {
  confidentiality_marking:
    "Sekretessmarkering: personens adress och kontaktuppgifter får inte lämnas vidare.",
  protected_registration:
    "Skyddad folkbokföring: personens adress och kontaktuppgifter får inte lämnas vidare.",
  fictitious_identity: "Skyddade personuppgifter: personen namnges inte i den här handlingen.",
};

const kindText = {
  agency: "Myndighet",
  social_services: "Socialtjänsten",
  person: "Personen själv",
  supporter: "Stödperson",
} as const;

export function renderCoordinatedPlan(p: CoordinatedPlanPrint): Promise<Buffer> {
  const hidden = p.person.protectionLevel === "fictitious_identity";
  const subject = hidden ? "SIP" : p.reference;
  const info = { title: "Samordnad individuell plan (SIP)", author: p.organisation, subject };
  return writePdf(info, ({ text, heading, font }) => {
    // Printed for the participants, it is a disclosure (coordinated-plans/print.ts): it says so.
    font("bold", 14);
    text(`${disclosureHeader} — utlämnad med personens samtycke`);
    text(p.organisation);
    font("regular", 10);
    text(p.unit);
    text(
      `${hidden ? "" : `Diarienummer: ${p.reference}    `}Version ${p.plan.version}    Utskriven: ${p.printedOn}`,
    );
    text("Sekretess gäller. Lämnas till deltagarna med personens samtycke; lämnas inte vidare.");
    const warning = protectionWarning[p.person.protectionLevel];
    if (warning) text(warning);
    const { name } = letterIdentity({ ...p.person, identityNumber: null });
    heading(`Samordnad individuell plan${name ? ` för ${name}` : ""}`, 16);
    text(`Upprättad: ${p.plan.openedOn}`);
    drawParticipants(p.plan, hidden, text, heading);
    heading("Mina mål");
    if (p.plan.goals.length === 0) text("Inga mål skrivna.");
    for (const goal of p.plan.goals) text(`• ${goal}`);
    drawResponsibilities(p.plan, hidden, text, heading);
    heading("Möten");
    if (p.plan.meetings.length === 0) text("Inga möten inlagda.");
    for (const m of p.plan.meetings) {
      text(m.heldOn ? `Hölls ${m.heldOn} (planerat ${m.plannedOn})` : `Planerat ${m.plannedOn}`);
      if (m.notes) text(m.notes);
    }
    heading("Uppföljning");
    text(p.plan.followUpOn ? `Följs upp senast: ${p.plan.followUpOn}` : "Ingen uppföljning satt.");
    if (p.plan.followedUpOn) text(`Följdes upp: ${p.plan.followedUpOn}`);
    if (p.plan.followUpFindings) text(p.plan.followUpFindings);
  });
}

type Draw = (s: string) => void;

/** A participant as printed; under a police-decided identity she is "Personen själv" only. */
function participantLine(plan: CoordinatedPlanView, key: string, hidden: boolean): string {
  const who = plan.participants.find((x) => x.key === key);
  if (!who) return "–";
  if (hidden && who.kind === "person") return kindText.person;
  const agency = plan.agencies.find((a) => a.agencyId === who.agencyId)?.name;
  return [who.name, who.role, agency ?? (who.kind === "agency" ? "" : kindText[who.kind])]
    .filter(Boolean)
    .join(", ");
}

function drawParticipants(plan: CoordinatedPlanView, hidden: boolean, text: Draw, heading: Draw) {
  heading("Deltagare");
  if (plan.participants.length === 0) text("Inga deltagare inlagda.");
  for (const who of plan.participants) {
    const lead = who.key === plan.coordinatorKey ? " – huvudansvarig" : "";
    text(`${participantLine(plan, who.key, hidden)}${lead}`);
  }
}

function drawResponsibilities(
  plan: CoordinatedPlanView,
  hidden: boolean,
  text: Draw,
  heading: Draw,
) {
  heading("Vem gör vad");
  if (plan.responsibilities.length === 0) text("Inga åtaganden inlagda.");
  for (const r of plan.responsibilities) {
    text(`${r.what}`);
    const state = r.doneOn ? `klart ${r.doneOn}` : `klart senast ${r.dueOn}`;
    text(`   Ansvarig: ${participantLine(plan, r.participantKey, hidden)}; ${state}`);
  }
}
