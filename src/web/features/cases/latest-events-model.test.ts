import { describe, expect, it } from "vitest";
import type { StatusChange } from "../../../shared/api/cases";
import type { JournalEntryView } from "../../../shared/api/journal";
import { excerptOf, latestEvents } from "./latest-events-model";

const entry = (id: string, occurredAt: string, status: "draft" | "signed" = "signed") =>
  ({ id, occurredAt, status, body: `Text ${id}` }) as JournalEntryView;
const change = (id: string, changedAt: string) => ({ id, changedAt }) as StatusChange;

describe("the overview's latest events", () => {
  it("merges signed entries and status changes, newest first, and keeps the newest few", () => {
    const events = latestEvents(
      [entry("a", "2026-11-01T10:00:00Z"), entry("b", "2026-11-03T10:00:00Z")],
      [change("s", "2026-11-02T10:00:00Z")],
      2,
    );
    expect(events.map((e) => e.id)).toEqual(["b", "s"]);
  });

  it("leaves drafts out: they are not events until signed", () => {
    expect(latestEvents([entry("d", "2026-11-05T10:00:00Z", "draft")], [])).toEqual([]);
  });

  it("cuts a long entry at a word, on one line", () => {
    const text = `${"ord ".repeat(60)}slut`;
    const cut = excerptOf(text, 30);
    expect(cut.endsWith(" …")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(32);
    expect(excerptOf("kort\ntext")).toBe("kort text");
  });
});
