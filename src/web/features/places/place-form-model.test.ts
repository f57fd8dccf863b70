import { describe, expect, it } from "vitest";
import type { PlaceView } from "../../../shared/api/places";
import { checkPlaceDraft, emptyPlaceDraft, placeDraftOf } from "./place-form-model";

const unitId = "00000000-0000-4000-8000-000000000001";
const filled = {
  ...emptyPlaceDraft(unitId),
  name: "Akutlägenhet Tallen",
  kind: "emergency_flat" as const,
  operatorKind: "own" as const,
  operatorName: "Demokommun",
  places: "4",
  priceAdult: "1 450,50",
  priceChild: "400",
};

describe("the register form's draft", () => {
  it("turns a Swedish amount with a decimal comma into kronor, and empty fields into null", () => {
    const checked = checkPlaceDraft({ ...filled, staffLanguages: " arabiska, ,somaliska " });
    expect(checked.ok && checked.body).toMatchObject({
      priceAdult: 1450.5,
      priceChild: 400,
      places: 4,
      rooms: null,
      boysAgeLimit: null,
      shelterUnitId: null,
      ivoPermitExpiresOn: null,
      accessibilityNotes: null,
      holdHours: 24,
      staffLanguages: ["arabiska", "somaliska"],
    });
  });

  it("names every field that is empty or unreadable, all at once", () => {
    const checked = checkPlaceDraft({
      ...emptyPlaceDraft(""),
      places: "fyra",
      priceAdult: "12,5,0",
      rooms: "2.5",
    });
    expect(checked.ok ? {} : checked.fields).toEqual({
      name: "placeForm.required",
      operatorName: "placeForm.required",
      kind: "placeForm.chooseKind",
      operatorKind: "placeForm.chooseOperator",
      unitId: "placeForm.chooseUnit",
      places: "placeForm.notWholeNumber",
      priceAdult: "placeForm.notKronor",
      priceChild: "placeForm.required",
      rooms: "placeForm.notWholeNumber",
    });
  });

  it("sends no boys' age limit for a place that takes no children", () => {
    const checked = checkPlaceDraft({ ...filled, acceptsChildren: false, boysAgeLimit: "12" });
    expect(checked.ok && checked.body.boysAgeLimit).toBeNull();
  });

  it("gives back what a place holds when it is changed, kronor with a decimal comma", () => {
    const checked = checkPlaceDraft(filled);
    if (!checked.ok) throw new Error("the filled draft is complete");
    const place = {
      ...checked.body,
      rooms: null,
      boysAgeLimit: 15,
      staffLanguages: ["arabiska", "somaliska"],
    } as unknown as PlaceView;
    expect(placeDraftOf(place)).toMatchObject({
      priceAdult: "1450,50",
      priceChild: "400",
      rooms: "",
      boysAgeLimit: "15",
      staffLanguages: "arabiska, somaliska",
      shelterUnitId: "",
    });
  });
});
