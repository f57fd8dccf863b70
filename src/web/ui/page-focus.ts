/*
 * Where focus goes after client-side navigation: to the new page's <h1>, so a screen reader
 * announces the page. A page loaded as its own chunk (React.lazy) has no heading yet when
 * the address changes; the focus is then owed, and the page's heading takes it when it
 * mounts (Page). A later navigation settles the debt afresh.
 */
let owed = false;

export function focusPageHeading(main: HTMLElement | null): void {
  const heading = main?.querySelector<HTMLElement>("h1");
  owed = !heading;
  (heading ?? main)?.focus();
}

/** Called by a page's heading when it mounts: takes the focus if navigation still owes it. */
export function takeOwedFocus(heading: HTMLElement | null): void {
  if (!owed || !heading) return;
  owed = false;
  heading.focus();
}
