import { describe, expect, it } from "vitest";
import { ChangeStatusBody } from "../../../shared/api/cases";
import { RecordIntakeBody } from "../../../shared/api/intake";
import { PersonDetails, UpdatePersonBody } from "../../../shared/api/persons";
import {
  answerOf,
  booleanOf,
  detailsBody,
  detailsDraftOf,
  emptyIntakeDraft,
  intakeBody,
  needsStatusForm,
  parseLanguages,
  statusChange,
  textOrNull,
} from "./casework-model";

const personId = "6f1c1c7e-2a4b-4c4e-9d7a-0b1c2d3e4f50";
const unitId = "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";

describe("status changes", () => {
  it("moves along the flow with a single button, but closing and reopening need a form", () => {
    expect(needsStatusForm("investigation", "implementation")).toBe(false);
    expect(needsStatusForm("follow_up", "closed")).toBe(true);
    expect(needsStatusForm("closed", "intake")).toBe(true);
  });

  it("asks for a reason to close, and a comment for 'other'", () => {
    expect(statusChange("follow_up", "closed", { reason: "", comment: "" })).toEqual({
      ok: false,
      fields: { reason: "status.chooseReason" },
    });
    expect(statusChange("follow_up", "closed", { reason: "other", comment: "  " })).toEqual({
      ok: false,
      fields: { comment: "status.commentRequired" },
    });
    const closed = statusChange("follow_up", "closed", { reason: "goal_reached", comment: " " });
    expect(closed).toEqual({
      ok: true,
      body: { to: "closed", reason: "goal_reached", comment: null },
    });
    if (closed.ok) expect(ChangeStatusBody.safeParse(closed.body).success).toBe(true);
  });

  it("asks for a comment to reopen, and never sends a reason then", () => {
    expect(statusChange("closed", "intake", { reason: "", comment: "" })).toEqual({
      ok: false,
      fields: { comment: "status.commentRequired" },
    });
    expect(statusChange("closed", "intake", { reason: "moved", comment: " Ny anmälan " })).toEqual({
      ok: true,
      body: { to: "intake", reason: null, comment: "Ny anmälan" },
    });
  });
});

describe("the intake form", () => {
  const now = { date: "2026-11-20", time: "09:30" };

  it("says what is missing: source, channel and whether violence was asked about", () => {
    const result = intakeBody(personId, emptyIntakeDraft(unitId, now));
    expect(result).toEqual({
      ok: false,
      fields: {
        source: "intake.chooseSource",
        channel: "intake.chooseChannel",
        askedAboutViolence: "intake.chooseAsked",
      },
    });
  });

  it("maps a filled-in application to the API's body", () => {
    const result = intakeBody(personId, {
      ...emptyIntakeDraft(unitId, now),
      source: "the_person",
      channel: "phone",
      askedAboutViolence: "yes",
      violenceAnswer: " Ja, av sin partner. ",
      interpreterNeeded: true,
      interpreterLanguage: "arabiska",
      childrenInHousehold: "2",
      informationOnlyReason: "left over from before",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toEqual({
      personId,
      unitId,
      source: "the_person",
      channel: "phone",
      receivedAt: expect.stringMatching(/^2026-11-20T09:30:00[+-]\d{2}:\d{2}$/),
      kind: "application",
      askedAboutViolence: true,
      violenceAnswer: "Ja, av sin partner.",
      interpreterNeeded: true,
      interpreterLanguage: "arabiska",
      childrenInHousehold: 2,
      // Only a request for information carries a reason.
      informationOnlyReason: null,
      reportText: null,
      reportedOn: null,
      reporterOrganisation: null,
      reporterName: null,
      reporterPhone: null,
      reporterEmail: null,
    });
    expect(RecordIntakeBody.safeParse(result.body).success).toBe(true);
  });

  it("asks only the questions that fit: a school's report about a child, and a person's own call", () => {
    const report = intakeBody(personId, {
      ...emptyIntakeDraft(unitId, now),
      kind: "report_of_concern",
      source: "school",
      channel: "letter",
      // left from before the kind was changed: the question does not fit a child's report
      askedAboutViolence: "yes",
      violenceAnswer: "skrivet innan",
      reportText: " Leo berättade för mentorn.\nHan var rädd. ",
      reportedOn: "2026-11-19",
      reporterOrganisation: "Demoskolan",
      reporterName: "Kim Lärare",
      reporterEmail: " ",
    });
    expect(report.ok && report.body).toMatchObject({
      askedAboutViolence: null,
      violenceAnswer: null,
      reportText: "Leo berättade för mentorn.\nHan var rädd.",
      reportedOn: "2026-11-19",
      reporterOrganisation: "Demoskolan",
      reporterName: "Kim Lärare",
      reporterEmail: null,
    });
    expect(report.ok && RecordIntakeBody.safeParse(report.body).success).toBe(true);

    const own = intakeBody(personId, {
      ...emptyIntakeDraft(unitId, now),
      source: "the_person",
      channel: "visit",
      askedAboutViolence: "no",
      reporterOrganisation: "skrivet när källan var skolan",
    });
    expect(own.ok && own.body).toMatchObject({
      askedAboutViolence: false,
      reporterOrganisation: null,
    });
  });

  it("drops texts that belong to a hidden field, and checks the dependent ones", () => {
    const base = {
      ...emptyIntakeDraft(unitId, now),
      source: "police" as const,
      channel: "letter" as const,
      askedAboutViolence: "no" as const,
      violenceAnswer: "skrivet innan nej valdes",
      interpreterLanguage: "somaliska",
    };
    const ok = intakeBody(personId, base);
    expect(ok.ok && ok.body.violenceAnswer).toBeNull();
    expect(ok.ok && ok.body.interpreterLanguage).toBeNull();
    expect(ok.ok && ok.body.childrenInHousehold).toBeNull();

    const bad = intakeBody(personId, {
      ...base,
      kind: "request_for_information",
      interpreterNeeded: true,
      interpreterLanguage: " ",
      childrenInHousehold: "2.5",
      time: "",
    });
    expect(bad).toEqual({
      ok: false,
      fields: {
        receivedAt: "intake.receivedAtInvalid",
        interpreterLanguage: "intake.languageRequired",
        childrenInHousehold: "intake.childrenInvalid",
        informationOnlyReason: "intake.reasonRequired",
      },
    });
    expect(intakeBody(personId, { ...base, childrenInHousehold: "31" }).ok).toBe(false);
    expect(intakeBody(personId, { ...base, childrenInHousehold: "-1" }).ok).toBe(false);
  });
});

describe("safe contact and contact details", () => {
  const details = PersonDetails.parse({
    languages: ["arabiska", "svenska"],
    interpreterNeeded: true,
    interpreterLanguage: "arabiska",
    safeContact: {
      mayCall: false,
      maySendSms: true,
      maySendLetters: true,
      letterAddress: "Box 1, 111 11 Frid",
    },
    phone: null,
    email: null,
    postalAddress: null,
  });

  it("keeps 'not asked' apart from yes and no", () => {
    expect(answerOf(null)).toBe("unasked");
    expect(answerOf(false)).toBe("no");
    expect(booleanOf("unasked")).toBeNull();
    expect(booleanOf("yes")).toBe(true);
  });

  it("round-trips the details through the form", () => {
    const draft = detailsDraftOf(details);
    expect(draft.mayCall).toBe("no");
    expect(draft.mayLeaveVoicemail).toBe("unasked");
    expect(draft.maySendSms).toBe("yes");
    expect(draft.languages).toBe("arabiska, svenska");
    const result = detailsBody(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toEqual({
      languages: ["arabiska", "svenska"],
      interpreterNeeded: true,
      interpreterLanguage: "arabiska",
      safeContact: {
        mayCall: false,
        mayLeaveVoicemail: null,
        maySendSms: true,
        maySendLetters: true,
        letterAddress: "Box 1, 111 11 Frid",
        timesToAvoid: null,
        codeWord: null,
        notes: null,
      },
      phone: null,
      email: null,
      postalAddress: null,
    });
    expect(UpdatePersonBody.safeParse(result.body).success).toBe(true);
  });

  it("needs an interpreter language, and forgets the letter address when letters are not allowed", () => {
    const draft = detailsDraftOf(details);
    expect(detailsBody({ ...draft, interpreterLanguage: "" })).toEqual({
      ok: false,
      fields: { interpreterLanguage: "intake.languageRequired" },
    });
    const noSms = detailsBody({ ...draft, maySendSms: "unasked" });
    expect(noSms.ok && noSms.body.safeContact?.maySendSms).toBeNull();
    const noLetters = detailsBody({ ...draft, maySendLetters: "no" });
    expect(noLetters.ok && noLetters.body.safeContact?.letterAddress).toBeNull();
    const noInterpreter = detailsBody({ ...draft, interpreterNeeded: false });
    expect(noInterpreter.ok && noInterpreter.body.interpreterLanguage).toBeNull();
  });

  it("reads a list of languages", () => {
    expect(parseLanguages(" arabiska, Svenska ,, ARABISKA ")).toEqual(["arabiska", "Svenska"]);
    expect(parseLanguages("")).toEqual([]);
    expect(textOrNull("  ")).toBeNull();
  });
});
