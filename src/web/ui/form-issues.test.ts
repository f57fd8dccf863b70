import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SavePlanBody } from "../../shared/api/plans";
import { formIssues } from "./form-issues";

const plan = (startDate: string, followUpDate: string, goals = "Trygg bostad") => ({
  goals,
  activities: "Samtal varje vecka",
  startDate,
  followUpDate,
  basedOnVersion: null,
});

const planWords = {
  goals: "plans.errorGoals",
  activities: "plans.errorActivities",
  startDate: "plans.errorDate",
  followUpDate: {
    default: "plans.errorDate",
    followUpBeforeStart: "plans.errorFollowUpBeforeStart",
  },
} as const;

describe("formIssues: a form checked by the shared schema, in the catalogue's words", () => {
  it("answers the parsed body when the schema passes (texts trimmed as the server stores them)", () => {
    const checked = formIssues(
      SavePlanBody,
      plan("2026-11-01", "2026-12-01", "  Trygg  "),
      planWords,
    );
    expect(checked).toEqual({
      ok: true,
      body: { ...plan("2026-11-01", "2026-12-01"), goals: "Trygg" },
    });
  });

  it("names each field's problem by its path, with the field's own key", () => {
    const checked = formIssues(SavePlanBody, plan("", "2026-12-0", " "), planWords);
    expect(checked).toEqual({
      ok: false,
      fields: {
        goals: "plans.errorGoals",
        startDate: "plans.errorDate",
        followUpDate: "plans.errorDate",
      },
    });
  });

  it("words a rule between fields with the key for that rule, beside the other fields' problems", () => {
    const checked = formIssues(SavePlanBody, plan("2026-12-01", "2026-11-01", ""), planWords);
    expect(checked).toEqual({
      ok: false,
      fields: { goals: "plans.errorGoals", followUpDate: "plans.errorFollowUpBeforeStart" },
    });
  });

  it("maps nested paths (a.b, list.0.c) and keeps a field's first issue", () => {
    const schema = z.object({
      consent: z.object({ givenOn: z.iso.date().refine(() => false) }),
      rows: z.array(z.object({ name: z.string().min(1) })),
    });
    const checked = formIssues(
      schema,
      { consent: { givenOn: "x" }, rows: [{ name: "a" }, { name: "" }] },
      { "consent.givenOn": "placement.errorDate", "rows.1.name": "placement.errorName" },
    );
    expect(checked).toEqual({
      ok: false,
      fields: { "consent.givenOn": "placement.errorDate", "rows.1.name": "placement.errorName" },
    });
  });

  it("leaves to the server what the form has no words for: an unnamed field, a text too long", () => {
    const schema = z.object({ notes: z.string().max(3), code: z.string().min(1) });
    expect(formIssues(schema, { notes: "abcd", code: "" }, { notes: "plans.errorNotes" })).toEqual({
      ok: true,
      body: { notes: "abcd", code: "" },
    });
  });
});
