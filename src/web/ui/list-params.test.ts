import { describe, expect, it } from "vitest";
import { ariaSort, definedParams, nextSort, readListParams, writeListParams } from "./list-params";

const spec = { status: ["intake", "closed"], worker: null } as const;

describe("a list's filters and sort in the query string", () => {
  it("reads only this list's known values, under its prefix", () => {
    const search = new URLSearchParams(
      "all.status=intake&all.worker=none&mine.status=closed&all.type=child&x=1",
    );
    expect(readListParams(search, "all", spec)).toEqual({ status: "intake", worker: "none" });
    expect(readListParams(search, "mine", spec)).toEqual({ status: "closed" });
  });

  it("leaves out a value the list does not know (an edited or old link)", () => {
    const search = new URLSearchParams(`all.status=open&all.worker=${"x".repeat(101)}`);
    expect(readListParams(search, "all", spec)).toEqual({});
  });

  it("changes this list's values and keeps every other list's", () => {
    const search = new URLSearchParams("mine.status=closed&all.status=intake");
    const next = writeListParams(search, "all", { status: undefined, worker: "none" });
    expect(next.toString()).toBe("mine.status=closed&all.worker=none");
    expect(search.toString()).toBe("mine.status=closed&all.status=intake");
  });

  it("turns a column's order around, and starts another in its own first order", () => {
    const first = (s: string) => (s === "opened" ? "desc" : "asc");
    expect(nextSort({ sort: "opened", order: "desc" }, "opened", first)).toEqual({
      sort: "opened",
      order: "asc",
    });
    expect(nextSort({ sort: "opened", order: "asc" }, "reference", first)).toEqual({
      sort: "reference",
      order: "asc",
    });
    expect(nextSort({ sort: "reference", order: "asc" }, "opened", first)).toEqual({
      sort: "opened",
      order: "desc",
    });
  });

  it("says aria-sort only on the column the list is sorted by", () => {
    expect(ariaSort({ sort: "status", order: "asc" }, "status")).toBe("ascending");
    expect(ariaSort({ sort: "status", order: "desc" }, "status")).toBe("descending");
    expect(ariaSort({ sort: "status", order: "asc" }, "type")).toBeUndefined();
  });

  it("sends only the values that are set", () => {
    expect(definedParams({ status: "intake", type: undefined, worker: "" })).toEqual({
      status: "intake",
    });
  });
});
