import { describe, expect, it } from "vitest";
import { normaliseCaseReference } from "./search.ts";

describe("a case number as typed", () => {
  it("forgives spaces, case, a missing hyphen and missing zeros", () => {
    for (const typed of ["2026-0042", " 2026 0042 ", "20260042", "2026-42", "2026 – 42"])
      expect(normaliseCaseReference(typed), typed).toBe("2026-0042");
    for (const typed of ["2026-D001", "2026-d001", "2026 d001", "2026D001"])
      expect(normaliseCaseReference(typed), typed).toBe("2026-D001");
  });

  it("is no case number when it is words, a personnummer or a date", () => {
    for (const typed of [
      "våld",
      "hot 2026",
      "19121212-1212",
      "2026-01-05",
      "2026-",
      "",
      "8112189876",
    ])
      expect(normaliseCaseReference(typed), typed).toBeNull();
  });
});
