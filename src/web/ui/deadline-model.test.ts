import { describe, expect, it } from "vitest";
import { holidays } from "../../shared/working-hours";
import { en } from "../i18n/en";
import { dayOffLabels } from "../i18n/labels";
import type { MessageKey, Translate } from "../i18n/messages";
import { sv } from "../i18n/sv";
import { movedLastDayText, shownLastDay } from "./deadline-model";

const translator =
  (catalogue: Record<MessageKey, string>): Translate =>
  (key, ...args) => {
    const params = (args[0] ?? {}) as Record<string, string | number>;
    return catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
  };

const moved = { counted: "2026-11-14", last: "2026-11-16", movedBecause: "saturday" } as const;

describe("a statutory last day moved by lag (1930:173)", () => {
  it("says which day the counted one is and why the last day moved, in Swedish and English", () => {
    expect(movedLastDayText(moved, translator(sv), "sv", true)).toBe(
      "Dag 14 (2026-11-14) är en lördag – sista dag enligt lag (1930:173)",
    );
    expect(
      movedLastDayText(
        { counted: "2026-12-24", last: "2026-12-28", movedBecause: "christmas_eve" },
        translator(sv),
        "sv",
      ),
    ).toBe("2026-12-24 är julafton – sista dag enligt lag (1930:173)");
    expect(movedLastDayText(moved, translator(en), "en", true)).toBe(
      "Day 14 (14/11/2026) is a Saturday – the last day under lag (1930:173) is the next weekday",
    );
  });

  it("says nothing when the last day did not move, and shows the law's last day when there is one", () => {
    const unmoved = { counted: "2026-11-13", last: "2026-11-13", movedBecause: null };
    expect(movedLastDayText(unmoved, translator(sv), "sv")).toBeNull();
    expect(movedLastDayText(null, translator(sv), "sv")).toBeNull();
    expect(shownLastDay("2026-11-14", moved)).toBe("2026-11-16");
    expect(shownLastDay("2026-11-14", null)).toBe("2026-11-14");
  });

  it("names every day off in both languages", () => {
    for (const day of ["saturday", "sunday", ...holidays] as const) {
      expect(sv[dayOffLabels[day]], day).toBeTruthy();
      expect(en[dayOffLabels[day]], day).not.toBe(sv[dayOffLabels[day]]);
    }
  });
});
