import { describe, expect, it, vi } from "vitest";
import { focusPageHeading, takeOwedFocus } from "./page-focus";

// Stand-ins for the DOM: only what page-focus touches.
const element = () => ({
  focus: vi.fn(),
  attributes: new Map<string, string>(),
  hasAttribute(name: string) {
    return this.attributes.has(name);
  },
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  },
});
const main = (heading: ReturnType<typeof element> | null, sectionHeading = heading) => ({
  ...element(),
  querySelector: (selector: string) => (selector === "h1" ? heading : sectionHeading),
});
type El = HTMLElement;

describe("focus after navigation", () => {
  it("goes to the new page's heading when it is there", () => {
    const heading = element();
    const frame = main(heading);
    focusPageHeading(frame as unknown as El);
    expect(heading.focus).toHaveBeenCalledOnce();
    expect(frame.focus).not.toHaveBeenCalled();
    // Nothing is owed: a heading mounting later keeps its hands off the focus.
    const later = element();
    takeOwedFocus(later as unknown as El);
    expect(later.focus).not.toHaveBeenCalled();
  });

  it("goes to the heading of the part the address names (a case's section), made focusable", () => {
    const pageHeading = element();
    const sectionHeading = element();
    focusPageHeading(main(pageHeading, sectionHeading) as unknown as El);
    expect(sectionHeading.focus).toHaveBeenCalledOnce();
    expect(sectionHeading.attributes.get("tabindex")).toBe("-1");
    expect(pageHeading.focus).not.toHaveBeenCalled();
  });

  it("is owed to a lazily loaded page's heading, once, when it mounts", () => {
    const frame = main(null);
    focusPageHeading(frame as unknown as El);
    expect(frame.focus).toHaveBeenCalledOnce();
    const heading = element();
    takeOwedFocus(heading as unknown as El);
    expect(heading.focus).toHaveBeenCalledOnce();
    const another = element();
    takeOwedFocus(another as unknown as El);
    expect(another.focus).not.toHaveBeenCalled();
  });
});
