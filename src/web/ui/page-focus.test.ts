import { describe, expect, it, vi } from "vitest";
import { focusPageHeading, takeOwedFocus } from "./page-focus";

// Stand-ins for the DOM: only what page-focus touches.
const element = () => ({ focus: vi.fn() });
const main = (heading: ReturnType<typeof element> | null) => ({
  ...element(),
  querySelector: () => heading,
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
