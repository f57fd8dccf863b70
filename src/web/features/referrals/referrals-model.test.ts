import { describe, expect, it } from "vitest";
import type { Referral, ReferralRecipient } from "../../api/endpoints";
import {
  checkAnswer,
  checkCreate,
  checkIncoming,
  checkSend,
  emptyCreateDraft,
  type IncomingDraft,
  needsDisclosure,
  standingOf,
  withAgency,
} from "./referrals-model";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const referral = (changes: Partial<Referral> = {}): Referral => ({
  id: id(1),
  caseId: id(2),
  direction: "out",
  agencyId: id(3),
  agencyName: "Vuxenpsykiatrin Demo",
  agencyUnitId: id(4),
  agencyUnitName: "Öppenvården",
  contactName: null,
  senderName: null,
  senderReference: null,
  reason: "Bedömning",
  sharesInformation: true,
  channel: null,
  sentOn: null,
  receivedOn: null,
  intakeId: null,
  answer: null,
  answerText: null,
  answeredOn: null,
  answeredBy: null,
  answerDueOn: null,
  disclosures: [],
  createdBy: "Handläggare",
  createdAt: "2026-11-01T10:00:00.000Z",
  ...changes,
});

describe("where a referral stands", () => {
  it("is a draft until sent, then awaits its answer, then is answered", () => {
    expect(standingOf(referral())).toEqual({ kind: "draft" });
    expect(standingOf(referral({ sentOn: "2026-11-02", answerDueOn: "2026-11-16" }))).toEqual({
      kind: "awaiting",
      sent: "2026-11-02",
      due: "2026-11-16",
    });
    expect(
      standingOf(referral({ sentOn: "2026-11-02", answeredOn: "2026-11-05", answer: "declined" })),
    ).toEqual({ kind: "answered", date: "2026-11-05", answer: "declined" });
    expect(
      standingOf(
        referral({ direction: "in", receivedOn: "2026-11-03", answerDueOn: "2026-11-17" }),
      ),
    ).toEqual({ kind: "received", received: "2026-11-03", due: "2026-11-17" });
  });

  it("needs a disclosure before sending only when it shares information", () => {
    expect(needsDisclosure(referral())).toBe(true);
    expect(needsDisclosure(referral({ sharesInformation: false }))).toBe(false);
    const disclosed = {
      id: id(5),
      information: "Riskbedömning",
      recipient: "Vuxenpsykiatrin Demo",
      channel: "letter" as const,
      ground: "consent" as const,
      disclosedOn: "2026-11-02",
    };
    expect(needsDisclosure(referral({ disclosures: [disclosed] }))).toBe(false);
  });
});

describe("the forms", () => {
  const recipients: ReferralRecipient[] = [
    {
      id: id(3),
      name: "Vuxenpsykiatrin Demo",
      kind: "psychiatry",
      units: [{ id: id(4), name: "Öppenvården" }],
      contacts: [],
    },
  ];

  it("takes an agency's only unit, and clears the contact on another agency", () => {
    const chosen = withAgency({ ...emptyCreateDraft, agencyContactId: id(9) }, id(3), recipients);
    expect(chosen).toMatchObject({ agencyId: id(3), agencyUnitId: id(4), agencyContactId: "" });
  });

  it("names what is missing in a new referral, and sends a complete one without a contact", () => {
    const missing = checkCreate(emptyCreateDraft);
    expect(missing).toEqual({
      ok: false,
      fields: {
        agencyId: "referrals.errorAgency",
        agencyUnitId: "referrals.errorUnit",
        reason: "referrals.errorReason",
      },
    });
    const ok = checkCreate({
      ...emptyCreateDraft,
      agencyId: id(3),
      agencyUnitId: id(4),
      reason: " Stöd ",
    });
    expect(ok).toEqual({
      ok: true,
      body: {
        agencyId: id(3),
        agencyUnitId: id(4),
        agencyContactId: null,
        reason: "Stöd",
        sharesInformation: true,
      },
    });
  });

  it("asks for the day and the channel when sending, and the answer when answering", () => {
    expect(checkSend({ sentOn: "", channel: "" })).toEqual({
      ok: false,
      fields: { sentOn: "referrals.errorDate", channel: "referrals.errorChannel" },
    });
    expect(checkAnswer({ answer: "", text: "", answeredOn: "2026-11-05" })).toEqual({
      ok: false,
      fields: { answer: "referrals.errorAnswer" },
    });
  });

  const incoming: IncomingDraft = {
    unitId: id(6),
    kind: "application",
    sender: id(3),
    senderName: "",
    senderSource: "",
    senderContact: "",
    senderReference: " 5000-K1-26 ",
    sentOn: "",
    receivedDate: "2026-11-03",
    receivedTime: "09:30",
    channel: "letter",
    reason: "Remiss om stöd",
    askedAboutViolence: "yes",
  };

  it("sends an incoming referral from the directory, the violence question only for an adult", () => {
    const checked = checkIncoming(id(7), incoming);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.body).toMatchObject({
      agencyId: id(3),
      senderName: null,
      senderReference: "5000-K1-26",
      askedAboutViolence: true,
    });
    const child = checkIncoming(id(7), {
      ...incoming,
      kind: "report_of_concern",
      askedAboutViolence: "",
    });
    expect(child.ok && child.body.askedAboutViolence).toBeNull();
  });

  it("asks a named sender's name and kind, and the violence question's answer", () => {
    const checked = checkIncoming(id(7), {
      ...incoming,
      sender: "other",
      askedAboutViolence: "",
    });
    expect(checked).toEqual({
      ok: false,
      fields: {
        senderName: "referrals.errorSender",
        senderSource: "referrals.errorSenderSource",
        askedAboutViolence: "referrals.errorAsked",
      },
    });
  });
});
