import { type CatalogueKey, defaultQuestion, topicCatalogue } from "../../../shared/api/surveys";
import type { Language } from "../../i18n/messages";
import type { SurveyDefinition, SurveyDetail } from "./api";

/*
 * The surveys pages' rules, apart from React: the form's state and the body it sends, the
 * respondents typed one per line, how a share is written in the reader's language.
 */

export interface SurveyFormState {
  title: string;
  intro: string;
  question: string;
  hasFreeText: boolean;
  freeTextQuestion: string;
  /** One group per line ("Rektorer", "IFO-chefer"). */
  groups: string;
  /** The catalogue's topics picked, by label, in the catalogue's order. */
  picked: string[];
  /** Own topics, one per line. */
  ownTopics: string;
  closesOn: string;
  catalogue: CatalogueKey;
}

export const catalogueOf = (key: CatalogueKey) =>
  topicCatalogue.find((c) => c.key === key) ?? topicCatalogue[0];

/** A new survey from a catalogue: all its topics picked, its group named. */
export function newSurveyForm(key: CatalogueKey, closesOn: string): SurveyFormState {
  const catalogue = catalogueOf(key);
  return {
    title: "",
    intro: "",
    question: defaultQuestion,
    hasFreeText: false,
    freeTextQuestion: "",
    groups: catalogue.group,
    picked: catalogue.topics.map((t) => t.label),
    ownTopics: "",
    closesOn,
    catalogue: key,
  };
}

/** A draft's form, to change it: its topics found in the catalogue are picked, others are own. */
export function formOf(survey: SurveyDetail): SurveyFormState {
  const key = topicCatalogue.find((c) => c.group === survey.groups[0])?.key ?? "schools";
  const known = new Set<string>(catalogueOf(key).topics.map((t) => t.label));
  return {
    title: survey.title,
    intro: survey.intro,
    question: survey.question,
    hasFreeText: survey.freeTextQuestion !== null,
    freeTextQuestion: survey.freeTextQuestion ?? "",
    groups: survey.groups.join("\n"),
    picked: survey.topics.filter((t) => known.has(t.label)).map((t) => t.label),
    ownTopics: survey.topics
      .filter((t) => !known.has(t.label))
      .map((t) => t.label)
      .join("\n"),
    closesOn: survey.closesOn,
    catalogue: key,
  };
}

export const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** The body the form sends: the picked topics in the catalogue's order, then the own ones. */
export function definitionOf(form: SurveyFormState): SurveyDefinition {
  const catalogue = catalogueOf(form.catalogue);
  return {
    title: form.title,
    intro: form.intro,
    question: form.question,
    freeTextQuestion: form.hasFreeText ? form.freeTextQuestion : null,
    groups: lines(form.groups),
    topics: [
      ...catalogue.topics
        .filter((t) => form.picked.includes(t.label))
        .map((t) => ({ label: t.label, noNeed: t.noNeed })),
      ...lines(form.ownTopics).map((label) => ({ label, noNeed: false })),
    ],
    closesOn: form.closesOn,
  };
}

/** Respondents typed one per line: "Rektor, Norra skolan" or "Rektor, Norra skolan; e-post". */
export function respondentsOf(text: string, group: string) {
  return lines(text).map((line) => {
    const at = line.lastIndexOf(";");
    const email = at >= 0 ? line.slice(at + 1).trim() : "";
    return {
      label: at >= 0 ? line.slice(0, at).trim() : line,
      group,
      email: email.length > 0 ? email : null,
    };
  });
}

/** A share in per cent, one decimal, as the reader writes it: "81,8 %" / "81.8%"; "–" of none. */
export function formatShare(share: number | null, lang: Language): string {
  if (share === null) return "–";
  return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share / 100);
}

/** The full address of a link's answer page, for copying. */
export const linkAddress = (origin: string, path: string) => `${origin}${path}`;
