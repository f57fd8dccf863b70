import { describe, expect, it } from "vitest";
import { filtersFromSearch } from "./agency-text";
import { agencyQueryString } from "./api";

describe("the directory's search in the address", () => {
  it("keeps a known kind and the name's part", () => {
    expect(filtersFromSearch(new URLSearchParams("q=polis&kind=police"))).toEqual({
      q: "polis",
      kind: "police",
    });
  });

  it("drops a kind the directory does not know, and an empty search asks for everything", () => {
    expect(filtersFromSearch(new URLSearchParams("kind=ufo"))).toEqual({ q: "", kind: "" });
    expect(agencyQueryString({ q: "  ", kind: undefined })).toBe("");
    expect(agencyQueryString({ q: " Kvinnojour ", kind: "voluntary_shelter" })).toBe(
      "?q=Kvinnojour&kind=voluntary_shelter",
    );
  });
});
