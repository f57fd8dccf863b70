import { describe, expect, it } from "vitest";
import { groupsOf, numberOf } from "./competence-model";

describe("the Kompetens page's numbers", () => {
  it("reads numbers as typed, with a decimal comma", () => {
    expect(numberOf("3,5")).toBe(3.5);
    expect(numberOf(" 21 ")).toBe(21);
    expect(numberOf("")).toBeNaN();
    expect(numberOf("tre")).toBeNaN();
    expect(numberOf("-2")).toBeNaN();
  });

  it("sends the participant rows that have anything in them", () => {
    expect(
      groupsOf([
        { organisation: "Socialtjänsten", role: "socialsekreterare", participants: "12" },
        { organisation: "", role: "", participants: "" },
        { organisation: "Polisen", role: " ", participants: "9" },
      ]),
    ).toEqual([
      { organisation: "Socialtjänsten", role: "socialsekreterare", participants: 12 },
      { organisation: "Polisen", role: null, participants: 9 },
    ]);
  });
});
