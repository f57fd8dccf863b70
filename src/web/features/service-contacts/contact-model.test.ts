import { describe, expect, it } from "vitest";
import type { ServiceContactView } from "../../../shared/api/service-contacts";
import { localDateTimeInputs } from "../../i18n/dates";
import { contactBody, emptyContact, emptyCourse, intakeDraftOf } from "./contact-model";

const filled = () => ({
  ...emptyContact(new Date("2026-03-02T09:15:00+01:00")),
  duration: "25",
  topic: "Rädd för sin partner",
});

describe("the new contact form", () => {
  it("sends an anonymous contact with no person and its birth year only when given", () => {
    const checked = contactBody(filled(), emptyCourse("unit-1"));
    expect(checked).toMatchObject({
      ok: true,
      body: {
        course: { unitId: "unit-1", subject: { kind: "anonymous", birthYear: null }, sex: null },
        kind: "phone_advice",
        durationMinutes: 25,
        referredTo: null,
      },
    });
  });

  it("refuses an identity number in the first name and topic, as the server does", () => {
    const checked = contactBody(
      { ...filled(), topic: "Gäller 19121212-1212" },
      { ...emptyCourse("unit-1"), who: "first_name", firstName: "191212121212", birthYear: "1912" },
    );
    expect(checked).toEqual({
      ok: false,
      fields: {
        topic: "serviceContacts.noIdentityNumber",
        firstName: "serviceContacts.noIdentityNumber",
      },
    });
  });

  it("asks for what is missing all at once", () => {
    const checked = contactBody(
      { ...filled(), duration: "0", topic: " ", outcome: "referred" },
      { ...emptyCourse("unit-1"), who: "identified" },
    );
    expect(checked.ok ? [] : Object.keys(checked.fields).sort()).toEqual([
      "durationMinutes",
      "personId",
      "referredTo",
      "topic",
    ]);
  });

  it("sends a further contact in a course without any person data", () => {
    const checked = contactBody(filled(), { courseId: "course-1" });
    expect(checked.ok && checked.body.courseId).toBe("course-1");
    expect(checked.ok && "course" in checked.body).toBe(false);
  });
});

describe("an intake made from a contact", () => {
  it("starts with the contact's channel, time and words, asked about violence when it was raised", () => {
    const contact = {
      channel: "video",
      occurredAt: "2026-03-26T10:00:00.000Z",
      topic: "Vill ansöka",
      summary: "Hot i hemmet.",
      violenceKinds: ["physical"],
    } as ServiceContactView;
    expect(intakeDraftOf(contact, "unit-1")).toMatchObject({
      unitId: "unit-1",
      source: "the_person",
      channel: "digital",
      // The worker's own clock shows the contact's time (i18n/dates).
      ...localDateTimeInputs(contact.occurredAt),
      reportText: "Vill ansöka\n\nHot i hemmet.",
      askedAboutViolence: "yes",
    });
  });
});
