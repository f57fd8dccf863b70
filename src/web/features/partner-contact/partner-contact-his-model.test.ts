import { describe, expect, it } from "vitest";
import {
  AddPartnerBody,
  PartnerInformationBody,
  PartnerRefusalBody,
  partnerExceptionKinds,
  partnerRelationships,
  WithdrawConsentBody,
} from "../../../shared/api/treatment";
import type { Treatment } from "../../api/endpoints";
import { en } from "../../i18n/en";
import { sv } from "../../i18n/sv";
import { emptyOutcome } from "../outcomes/outcome-model";
import {
  type AddPartnerDraft,
  addedPartner,
  addPartnerFields,
  checkAddPartner,
  checkInformation,
  checkRefusal,
  checkWithdraw,
  consentFormLabels,
  emptyAddPartnerDraft,
  emptyRefusalDraft,
  exceptionKindLabels,
  exceptionKindOptions,
  hasActiveConsent,
  type Partner,
  partnerElementId,
  partnerForms,
  refusalFields,
  relationshipLabels,
} from "./partner-contact-his-model";

const withConsent: AddPartnerDraft = {
  ...emptyAddPartnerDraft,
  relationship: "current",
  choice: "consent",
  consentForm: "written",
  givenOn: "2026-11-10",
  givenName: " Sara ",
  familyName: "Berg ",
  phone: " 070-123 45 67 ",
  // Typed, then the worker changed her mind: an exception's fields are never sent with it.
  reason: "left over",
};

const withException: AddPartnerDraft = {
  ...emptyAddPartnerDraft,
  relationship: "former",
  choice: "exception",
  exceptionKind: "long_ended",
  reason: " Relationen tog slut 2015. ",
  // Typed before choosing the exception: her details are never sent with it.
  givenName: "Maria",
};

function partner(id: string, consent: Partner["consent"]): Partner {
  return {
    id,
    relationship: "current",
    consent,
    exception: consent ? null : { kind: "abroad", reason: "Bor i Norge.", teamDecidedOn: null },
    contactOpened: consent !== null,
    recordedAt: "2026-11-10T10:00:00.000Z",
  };
}

function treatment(
  changes: Partial<Treatment> = {},
  pc: Partial<Treatment["partnerContact"]> = {},
) {
  return {
    referralSource: "self",
    referredOn: "2026-10-01",
    phase: "assessment",
    startedOn: null,
    ended: null,
    sessions: [],
    ...changes,
    partnerContact: { informedOn: "2026-10-02", refusal: null, partners: [], ...pc },
  } satisfies Treatment;
}

describe("checkInformation and checkWithdraw", () => {
  it("refuse what is not a date and send a date as the server takes it", () => {
    expect(checkInformation("")).toEqual({
      ok: false,
      fields: { informedOn: "partnerHis.errorInformedOn" },
    });
    const informed = checkInformation("2026-11-01");
    expect(informed.ok && PartnerInformationBody.safeParse(informed.body).success).toBe(true);
    expect(checkWithdraw("1/11")).toEqual({
      ok: false,
      fields: { withdrawnOn: "partnerHis.errorWithdrawnOn" },
    });
    const withdrawn = checkWithdraw("2026-11-01");
    expect(withdrawn.ok && WithdrawConsentBody.safeParse(withdrawn.body).success).toBe(true);
  });
});

describe("checkAddPartner", () => {
  it("asks who she is to him and whether he consents, when nothing is filled in", () => {
    expect(checkAddPartner(emptyAddPartnerDraft)).toEqual({
      ok: false,
      fields: { relationship: "partnerHis.errorRelationship", consent: "partnerHis.errorChoice" },
    });
  });

  it("with consent, asks for its form and date, her name and one way to reach her", () => {
    const checked = checkAddPartner({ ...emptyAddPartnerDraft, choice: "consent", phone: "  " });
    expect(checked).toEqual({
      ok: false,
      fields: {
        relationship: "partnerHis.errorRelationship",
        "consent.form": "partnerHis.errorConsentForm",
        "consent.givenOn": "partnerHis.errorGivenOn",
        "partner.givenName": "partnerHis.errorGivenName",
        "partner.familyName": "partnerHis.errorFamilyName",
        "partner.phone": "partnerHis.errorReach",
      },
    });
    // An address or an e-mail address is as good as a phone.
    expect(checkAddPartner({ ...withConsent, phone: "", email: "sara@exempel.se" }).ok).toBe(true);
    expect(checkAddPartner({ ...withConsent, phone: "", postalAddress: "Gatan 1" }).ok).toBe(true);
  });

  it("sends his consent with her details trimmed, and no exception", () => {
    const checked = checkAddPartner(withConsent);
    expect(checked).toEqual({
      ok: true,
      body: {
        relationship: "current",
        consent: { form: "written", givenOn: "2026-11-10" },
        partner: {
          givenName: "Sara",
          familyName: "Berg",
          identityNumber: null,
          phone: "070-123 45 67",
          postalAddress: null,
          email: null,
        },
        exception: null,
      },
    });
    if (checked.ok) expect(AddPartnerBody.safeParse(checked.body).success).toBe(true);
  });

  it("with an exception, asks for its kind and reason, and sends no details about her", () => {
    expect(checkAddPartner({ ...withException, exceptionKind: "", reason: "" })).toEqual({
      ok: false,
      fields: {
        "exception.kind": "partnerHis.errorExceptionKind",
        "exception.reason": "partnerHis.errorExceptionReason",
      },
    });
    const checked = checkAddPartner(withException);
    expect(checked).toEqual({
      ok: true,
      body: {
        relationship: "former",
        consent: null,
        partner: null,
        exception: { kind: "long_ended", reason: "Relationen tog slut 2015.", teamDecidedOn: null },
      },
    });
    if (checked.ok) expect(AddPartnerBody.safeParse(checked.body).success).toBe(true);
  });

  it("asks for the team's decision when the pattern is strongly controlling", () => {
    const controlling = { ...withException, exceptionKind: "controlling_pattern" as const };
    expect(checkAddPartner(controlling)).toEqual({
      ok: false,
      fields: { "exception.teamDecidedOn": "partnerHis.errorTeamDecidedOnControlling" },
    });
    const checked = checkAddPartner({ ...controlling, teamDecidedOn: "2026-11-12" });
    expect(checked.ok && checked.body.exception?.teamDecidedOn).toBe("2026-11-12");
  });

  it("has a place for every message the server may send", () => {
    const top = Object.keys(AddPartnerBody.shape);
    const nested = ["consent.form", "consent.givenOn", "exception.kind", "exception.reason"];
    for (const name of [...top, ...nested]) expect(addPartnerFields).toContain(name);
    for (const name of ["givenName", "familyName", "identityNumber", "phone", "email"])
      expect(addPartnerFields).toContain(`partner.${name}`);
  });
});

describe("checkRefusal", () => {
  it("asks for both dates, the team's decision and its reasoning", () => {
    const checked = checkRefusal(emptyRefusalDraft, emptyOutcome);
    expect(checked.ok).toBe(false);
    // Whether it goes on is not chosen yet, so the outcome is not asked yet either.
    const asked = refusalFields.filter((f) => f !== "outcome");
    if (!checked.ok) expect(Object.keys(checked.fields).sort()).toEqual([...asked].sort());
  });

  it("asks the outcome when the treatment does not go on (it ends and closes the case)", () => {
    const decision = {
      refusedOn: "2026-11-01",
      teamDecidedOn: "2026-11-03",
      reasoning: "Ingen behandling utan partnerkontakt.",
    };
    expect(checkRefusal({ ...decision, continueTreatment: "no" }, emptyOutcome)).toEqual({
      ok: false,
      fields: { outcome: "outcome.chooseGoal" },
    });
    expect(checkRefusal({ ...decision, continueTreatment: "yes" }, emptyOutcome)).toEqual({
      ok: true,
      body: { ...decision, continueTreatment: true, outcome: null },
    });
  });

  it("sends the decision as a yes or no", () => {
    const checked = checkRefusal(
      {
        refusedOn: "2026-11-01",
        teamDecidedOn: "2026-11-03",
        continueTreatment: "no",
        reasoning: " Ingen behandling utan partnerkontakt. ",
      },
      { goalReached: "not", ownView: "", notAssessedReason: "" },
    );
    expect(checked).toEqual({
      ok: true,
      body: {
        refusedOn: "2026-11-01",
        teamDecidedOn: "2026-11-03",
        continueTreatment: false,
        reasoning: "Ingen behandling utan partnerkontakt.",
        outcome: { goalReached: "not", ownView: null, notAssessedReason: null },
      },
    });
    if (checked.ok) expect(PartnerRefusalBody.safeParse(checked.body).success).toBe(true);
    expect([...refusalFields].sort()).toEqual(Object.keys(PartnerRefusalBody.shape).sort());
  });
});

describe("partnerForms", () => {
  const active = partner("11111111-1111-4111-8111-111111111111", {
    form: "oral",
    givenOn: "2026-10-05",
    withdrawnOn: null,
  });
  const withdrawn = partner("22222222-2222-4222-8222-222222222222", {
    form: "written",
    givenOn: "2026-10-05",
    withdrawnOn: "2026-11-01",
  });

  it("asks for the information until it is given", () => {
    expect(partnerForms(treatment({}, { informedOn: null }), true).information).toBe(true);
    expect(partnerForms(treatment(), true).information).toBe(false);
  });

  it("asks for his answer (consent or refusal) only once he has been informed", () => {
    const uninformed = partnerForms(treatment({}, { informedOn: null }), true);
    expect(uninformed).toMatchObject({ addPartner: true, consent: false, refusal: false });
    expect(partnerForms(treatment(), true)).toMatchObject({ consent: true, refusal: true });
  });

  it("offers the refusal only while he consents for no one and has not said no", () => {
    expect(partnerForms(treatment(), true).refusal).toBe(true);
    expect(partnerForms(treatment({}, { partners: [active] }), true).refusal).toBe(false);
    expect(partnerForms(treatment({}, { partners: [withdrawn] }), true).refusal).toBe(true);
    const refusal = {
      refusedOn: "2026-11-01",
      teamDecidedOn: "2026-11-02",
      continueTreatment: true,
      reasoning: "Fortsätter.",
    };
    expect(partnerForms(treatment({}, { refusal }), true).refusal).toBe(false);
    expect(hasActiveConsent(active)).toBe(true);
    expect(hasActiveConsent(withdrawn)).toBe(false);
  });

  it("offers nothing once the treatment has ended, or to someone who may not write", () => {
    const none = {
      information: false,
      addPartner: false,
      consent: false,
      refusal: false,
      withdraw: false,
    };
    expect(partnerForms(treatment({ phase: "ended" }, { informedOn: null }), true)).toEqual(none);
    expect(partnerForms(treatment({}, { informedOn: null }), false)).toEqual(none);
  });

  it("finds the partner a save added", () => {
    expect(addedPartner([active], [active, withdrawn])).toBe(withdrawn);
    expect(addedPartner([active], [active])).toBeNull();
    expect(partnerElementId(active.id)).not.toBe(partnerElementId(withdrawn.id));
  });
});

describe("labels", () => {
  it("have words in both languages for every code", () => {
    expect([...exceptionKindOptions].sort()).toEqual([...partnerExceptionKinds].sort());
    // Every code its own words: two codes never read the same, in either language.
    for (const keys of [
      partnerExceptionKinds.map((c) => exceptionKindLabels[c]),
      partnerRelationships.map((c) => relationshipLabels[c]),
      [consentFormLabels.written, consentFormLabels.oral],
    ])
      for (const catalogue of [sv, en])
        expect(new Set(keys.map((k) => catalogue[k])).size).toBe(keys.length);
  });
});
