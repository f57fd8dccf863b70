import { describe, expect, it } from "vitest";
import { topicCatalogue } from "../../../shared/api/surveys";
import { definitionOf, formatShare, formOf, newSurveyForm, respondentsOf } from "./survey-model";

describe("the survey form", () => {
  it("starts from a catalogue with all its topics, and sends them in its order with own topics last", () => {
    const form = newSurveyForm("ifo", "2030-01-31");
    expect(form.groups).toBe("IFO-chefer");
    const body = definitionOf({
      ...form,
      title: "Behov",
      picked: ["Insatser", "Hot- och riskbedömningar", "Verksamheten har ej behov"],
      ownTopics: "Digitalt våld\n\n  Samverkan med skolan ",
    });
    expect(body.topics).toEqual([
      { label: "Hot- och riskbedömningar", noNeed: false },
      { label: "Insatser", noNeed: false },
      { label: "Verksamheten har ej behov", noNeed: true },
      { label: "Digitalt våld", noNeed: false },
      { label: "Samverkan med skolan", noNeed: false },
    ]);
    expect(body.freeTextQuestion).toBeNull();
  });

  it("reads a draft back: catalogue topics picked, the rest as own topics", () => {
    const form = formOf({
      title: "T",
      intro: "",
      question: "Q",
      freeTextQuestion: "Annat?",
      groups: ["Rektorer"],
      topics: [
        { id: "a", label: "Könsstympning", noNeed: false },
        { id: "b", label: "Eget", noNeed: false },
      ],
      closesOn: "2030-01-01",
    } as never);
    expect(form.catalogue).toBe("schools");
    expect(form.picked).toEqual(["Könsstympning"]);
    expect(form.ownTopics).toBe("Eget");
    expect(form.hasFreeText).toBe(true);
  });

  it("offers seed 002's lists", () => {
    expect(topicCatalogue.map((c) => c.topics.length)).toEqual([8, 11]);
  });
});

describe("respondents typed one per line", () => {
  it("takes a label and an optional e-mail after the last semicolon", () => {
    expect(
      respondentsOf("Rektor, Norra skolan\nRektor; Södra; rektor@skola.se\n", "Rektorer"),
    ).toEqual([
      { label: "Rektor, Norra skolan", group: "Rektorer", email: null },
      { label: "Rektor; Södra", group: "Rektorer", email: "rektor@skola.se" },
    ]);
  });
});

describe("a share", () => {
  it("is written with a decimal comma in Swedish and a point in English", () => {
    expect(formatShare(81.8, "sv").replace(/\s/g, " ")).toBe("81,8 %");
    expect(formatShare(0, "sv").replace(/\s/g, " ")).toBe("0,0 %");
    expect(formatShare(45.5, "en")).toBe("45.5%");
    expect(formatShare(null, "sv")).toBe("–");
  });
});
