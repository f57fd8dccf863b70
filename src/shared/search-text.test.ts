import { describe, expect, it } from "vitest";
import { foldForSearch } from "./search-text.ts";

describe("foldForSearch", () => {
  it("ignores case, accents and the Nordic letters' marks", () => {
    expect(foldForSearch("Östlund")).toBe("ostlund");
    expect(foldForSearch("Åsa ÄNGSTRÖM")).toBe("asa angstrom");
    expect(foldForSearch("José Müller")).toBe("jose muller");
    expect(foldForSearch("Søren Kærgaard")).toBe("soren kargaard");
  });
});
