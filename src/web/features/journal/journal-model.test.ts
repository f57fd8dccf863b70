import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JournalEntryView } from "../../api/endpoints";
import {
  checkDraft,
  draftChanges,
  draftOf,
  entryElementId,
  entryLinks,
  mergeEntries,
  periodErrors,
  sortEntries,
  upsertEntry,
} from "./journal-model";

let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = "Europe/Stockholm";
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

let n = 0;
function entry(overrides: Partial<JournalEntryView> = {}): JournalEntryView {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    caseId: "00000000-0000-4000-8000-aaaaaaaaaaaa",
    entryType: "conversation",
    occurredAt: "2026-11-20T09:00:00.000Z",
    writtenAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:00:00.000Z",
    body: "Text",
    status: "signed",
    signedAt: "2026-11-20T10:05:00.000Z",
    author: { id: "00000000-0000-4000-8000-bbbbbbbbbbbb", displayName: "Lina Ek" },
    correctsId: null,
    corrects: null,
    correctedBy: [],
    abilities: { edit: false, sign: false },
    ...overrides,
  };
}

describe("the order of journal entries", () => {
  it("puts the newest event first, whatever offset the times are written with", () => {
    const older = entry({ occurredAt: "2026-11-20T10:00:00+01:00" }); // 09:00Z
    const newer = entry({ occurredAt: "2026-11-20T09:30:00Z" });
    expect(sortEntries([older, newer]).map((e) => e.id)).toEqual([newer.id, older.id]);
  });

  it("among entries about the same moment, puts the one written last first", () => {
    const first = entry({ writtenAt: "2026-11-20T10:00:00Z" });
    const second = entry({ writtenAt: "2026-11-20T11:00:00Z" });
    expect(sortEntries([first, second]).map((e) => e.id)).toEqual([second.id, first.id]);
  });

  it("adds a new entry in its place and replaces a changed one", () => {
    const a = entry({ occurredAt: "2026-11-22T09:00:00Z" });
    const b = entry({ occurredAt: "2026-11-20T09:00:00Z" });
    const c = entry({ occurredAt: "2026-11-21T09:00:00Z" });
    const list = upsertEntry([a, b], c);
    expect(list.map((e) => e.id)).toEqual([a.id, c.id, b.id]);
    const signed = { ...c, body: "Ändrad" };
    const again = upsertEntry(list, signed);
    expect(again).toHaveLength(3);
    expect(again[1]).toBe(signed);
  });
});

describe("entries loaded and changed here", () => {
  it("shows each once, the copy changed last, a new draft even if the list was loaded before it", () => {
    const signed = entry({ updatedAt: "2026-11-20T10:00:00Z" });
    const draft = entry({ status: "draft", signedAt: null, updatedAt: "2026-11-20T10:00:00Z" });
    const signedHere = { ...draft, status: "signed" as const, updatedAt: "2026-11-20T11:00:00Z" };
    const fresh = entry({ occurredAt: "2026-11-21T09:00:00Z" });
    expect(mergeEntries([signed, draft], [signedHere, fresh])).toEqual([fresh, signedHere, signed]);
    // Loaded again after the change: the same copy, or a later one, is the loaded one.
    const reloaded = { ...signedHere, correctedBy: [{ id: fresh.id, writtenAt: fresh.writtenAt }] };
    expect(mergeEntries([reloaded], [signedHere])).toEqual([reloaded]);
  });
});

describe("corrections between entries", () => {
  const correctionOf = (original: JournalEntryView, overrides: Partial<JournalEntryView> = {}) =>
    entry({
      correctsId: original.id,
      corrects: { id: original.id, occurredAt: original.occurredAt },
      ...overrides,
    });

  it("links a signed correction both ways", () => {
    const original = entry();
    const correction = correctionOf(original);
    const withIds = {
      ...original,
      correctedBy: [{ id: correction.id, writtenAt: correction.writtenAt }],
    };
    const links = entryLinks([correction, withIds]);
    expect(links.get(original.id)).toEqual({
      corrects: null,
      correctedBy: [{ id: correction.id, writtenAt: correction.writtenAt, entry: correction }],
      draftCorrections: [],
    });
    expect(links.get(correction.id)?.corrects).toEqual(withIds);
  });

  it("finds a correction from its correctsId even before the list is loaded again", () => {
    const original = entry();
    const correction = correctionOf(original);
    expect(
      entryLinks([correction, original])
        .get(original.id)
        ?.correctedBy.map((c) => c.entry),
    ).toEqual([correction]);
  });

  it("does not call an entry corrected while the correction is a draft", () => {
    const original = entry();
    const draft = correctionOf(original, { status: "draft", signedAt: null });
    const links = entryLinks([draft, original]).get(original.id);
    expect(links?.correctedBy).toEqual([]);
    expect(links?.draftCorrections).toEqual([draft]);
  });

  it("names the other entry by its time when it is on a page not loaded yet", () => {
    const corrector = {
      id: "00000000-0000-4000-8000-ffffffffffff",
      writtenAt: "2026-11-23T10:00:00Z",
    };
    const corrected = entry({ correctedBy: [corrector] });
    const older = {
      id: "00000000-0000-4000-8000-eeeeeeeeeeee",
      occurredAt: "2026-10-01T08:00:00Z",
    };
    const correction = entry({ correctsId: older.id, corrects: older });
    const links = entryLinks([corrected, correction]);
    expect(links.get(corrected.id)?.correctedBy).toEqual([{ ...corrector, entry: null }]);
    expect(links.get(correction.id)?.corrects).toEqual(older);
  });

  it("lists several corrections oldest first", () => {
    const original = entry();
    const late = correctionOf(original, { writtenAt: "2026-11-22T10:00:00Z" });
    const early = correctionOf(original, { writtenAt: "2026-11-21T10:00:00Z" });
    const ids = entryLinks([late, early, original])
      .get(original.id)
      ?.correctedBy.map((c) => c.id);
    expect(ids).toEqual([early.id, late.id]);
  });

  it("names the element of an entry for links and focus", () => {
    expect(entryElementId("abc")).toBe("journal-entry-abc");
  });
});

describe("the entry form", () => {
  it("asks for a type and a real date and time before sending", () => {
    expect(checkDraft({ entryType: "", date: "", time: "10:00", body: "x" })).toEqual({
      ok: false,
      fields: { entryType: "journal.chooseType", occurredAt: "journal.occurredAtInvalid" },
    });
    expect(checkDraft({ entryType: "phone", date: "2026-11-22", time: "", body: "" })).toEqual({
      ok: false,
      fields: { occurredAt: "journal.occurredAtInvalid" },
    });
  });

  it("leaves the text to the server, and sends the time with its offset", () => {
    expect(checkDraft({ entryType: "phone", date: "2026-11-22", time: "14:03", body: "" })).toEqual(
      { ok: true, entryType: "phone", occurredAt: "2026-11-22T14:03:00+01:00", body: "" },
    );
  });

  it("starts editing from the entry as it is, in local time", () => {
    const e = entry({ entryType: "home_visit", occurredAt: "2026-11-22T13:03:45Z", body: "A" });
    expect(draftOf(e)).toEqual({
      entryType: "home_visit",
      date: "2026-11-22",
      time: "14:03",
      body: "A",
    });
  });

  it("sends only what was changed, keeping an untouched time to the second", () => {
    const e = entry({ entryType: "home_visit", occurredAt: "2026-11-22T13:03:45Z", body: "A" });
    const start = draftOf(e);
    const same = checkDraft(start);
    if (!same.ok) throw new Error("the entry's own values must pass");
    expect(draftChanges(e, same, start)).toEqual({});

    const edited = { ...start, body: "A\nB", time: "15:00", entryType: "phone" as const };
    const checked = checkDraft(edited);
    if (!checked.ok) throw new Error("valid");
    expect(draftChanges(e, checked, edited)).toEqual({
      entryType: "phone",
      occurredAt: "2026-11-22T15:00:00+01:00",
      body: "A\nB",
    });
  });
});

describe("the period of a printed journal", () => {
  it("needs both days, the last not before the first", () => {
    expect(periodErrors("2026-11-01", "2026-11-30")).toEqual({});
    expect(periodErrors("2026-11-01", "2026-11-01")).toEqual({});
    expect(periodErrors("2026-11-30", "2026-11-01")).toEqual({ to: "journal.pdfReversed" });
    expect(periodErrors("", "")).toEqual({ from: "journal.pdfMissing", to: "journal.pdfMissing" });
  });
});
