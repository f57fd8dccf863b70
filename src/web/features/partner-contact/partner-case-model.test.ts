import { describe, expect, it } from "vitest";
import { OfferSupportBody, RecordAttemptBody } from "../../../shared/api/partner-contact";
import { en } from "../../i18n/en";
import { sv } from "../../i18n/sv";
import {
  allowedMethods,
  attemptDraftFor,
  attemptFields,
  type ContactOption,
  checkAttempt,
  checkSupport,
  givenDetails,
  methodLabels,
  optionVerdict,
  outcomeLabels,
  outcomesFor,
  standingLabels,
  supportDraftFor,
  supportFields,
  supportLabels,
  withMethod,
} from "./partner-case-model";

const option = (o: Partial<ContactOption> & Pick<ContactOption, "method">): ContactOption => ({
  allowed: true,
  refusal: null,
  notAsked: false,
  ...o,
});

describe("optionVerdict", () => {
  it("says why a refused way is refused, each code in its own words", () => {
    const codes = [
      "letters_not_allowed",
      "protected_identity",
      "no_address",
      "calls_not_allowed",
      "sms_not_allowed",
      "no_phone",
    ] as const;
    const texts = codes.map((refusal) => {
      const verdict = optionVerdict(option({ method: "letter", allowed: false, refusal }));
      expect(verdict.allowed).toBe(false);
      return sv[verdict.why];
    });
    expect(new Set(texts).size).toBe(codes.length);
  });

  it("tells an allowed way she was asked about from one nobody has asked her about", () => {
    expect(optionVerdict(option({ method: "sms" }))).toEqual({
      allowed: true,
      why: "partnerCase.allowedByHer",
    });
    const unasked = optionVerdict(option({ method: "sms", notAsked: true }));
    expect(unasked.allowed).toBe(true);
    expect(sv[unasked.why]).toBe("Hon har inte fått frågan ännu – välj det mest diskreta sättet.");
  });
});

describe("allowedMethods", () => {
  it("offers only the open ways, in the order letter, sms, phone", () => {
    expect(
      allowedMethods([
        option({ method: "phone", notAsked: true }),
        option({ method: "letter", allowed: false, refusal: "no_address" }),
        option({ method: "sms" }),
      ]),
    ).toEqual(["sms", "phone"]);
    expect(allowedMethods([])).toEqual([]);
  });
});

describe("outcomes", () => {
  it("offers 'sent' only for a letter or a text", () => {
    expect(outcomesFor("phone")).not.toContain("sent");
    expect(outcomesFor("letter")).toContain("sent");
    expect(outcomesFor("sms")).toContain("sent");
  });

  it("forgets an outcome the new way cannot have, and keeps one it can", () => {
    const draft = {
      ...attemptDraftFor("2026-11-20"),
      method: "sms" as const,
      outcome: "sent" as const,
    };
    expect(withMethod(draft, "phone").outcome).toBe("");
    const accepted = { ...draft, outcome: "accepted" as const };
    expect(withMethod(accepted, "phone")).toEqual({ ...accepted, method: "phone" });
  });
});

describe("checkAttempt", () => {
  it("asks for a way and an outcome, and for a date that is a date", () => {
    expect(checkAttempt({ ...attemptDraftFor(""), attemptedOn: "x" })).toEqual({
      ok: false,
      fields: {
        method: "partnerCase.errorMethod",
        attemptedOn: "partnerCase.errorAttemptedOn",
        outcome: "partnerCase.errorOutcome",
      },
    });
  });

  it("refuses a call that was 'sent'", () => {
    const checked = checkAttempt({ method: "phone", attemptedOn: "2026-11-20", outcome: "sent" });
    expect(checked).toEqual({ ok: false, fields: { outcome: "partnerCase.errorOutcomeSent" } });
  });

  it("sends the body the server takes", () => {
    const checked = checkAttempt({ method: "letter", attemptedOn: "2026-11-20", outcome: "sent" });
    expect(checked).toEqual({
      ok: true,
      body: { method: "letter", attemptedOn: "2026-11-20", outcome: "sent" },
    });
    if (checked.ok) expect(RecordAttemptBody.safeParse(checked.body).success).toBe(true);
    expect([...attemptFields].sort()).toEqual(Object.keys(RecordAttemptBody.shape).sort());
  });
});

describe("checkSupport", () => {
  it("asks for a kind, and where to for a referral", () => {
    expect(checkSupport(supportDraftFor("2026-11-20"))).toEqual({
      ok: false,
      fields: { kind: "partnerCase.errorSupportKind" },
    });
    expect(checkSupport({ kind: "referral", note: "  ", offeredOn: "2026-11-20" })).toEqual({
      ok: false,
      fields: { note: "partnerCase.errorReferralTo" },
    });
  });

  it("sends the note trimmed, and needs none when she declined", () => {
    const declined = checkSupport({ kind: "declined", note: "", offeredOn: "2026-11-20" });
    expect(declined).toEqual({
      ok: true,
      body: { kind: "declined", note: "", offeredOn: "2026-11-20" },
    });
    const referral = checkSupport({
      kind: "referral",
      note: " Kvinnojouren Frida \n",
      offeredOn: "2026-11-20",
    });
    expect(referral.ok && referral.body.note).toBe("Kvinnojouren Frida");
    if (referral.ok) expect(OfferSupportBody.safeParse(referral.body).success).toBe(true);
    expect([...supportFields].sort()).toEqual(Object.keys(OfferSupportBody.shape).sort());
  });
});

describe("givenDetails", () => {
  it("shows only what he gave", () => {
    expect(givenDetails({ phone: "070-123 45 67", postalAddress: " ", email: null })).toEqual([
      { label: "partnerCase.givenPhone", value: "070-123 45 67" },
    ]);
  });
});

describe("labels", () => {
  it("give every code its own words, in both languages", () => {
    for (const table of [methodLabels, outcomeLabels, standingLabels, supportLabels]) {
      const keys = Object.values(table);
      for (const catalogue of [sv, en])
        expect(new Set(keys.map((k) => catalogue[k])).size).toBe(keys.length);
    }
  });
});
