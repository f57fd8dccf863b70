/*
 * Where focus goes after client-side navigation: to the new page's <h1> (or the heading of
 * the part of the page the address names), so a screen reader
 * announces the page. A page loaded as its own chunk (React.lazy) has no heading yet when
 * the address changes; the focus is then owed, and the page's heading takes it when it
 * mounts (Page). A later navigation settles the debt afresh.
 */
let owed = false;

export function focusPageHeading(main: HTMLElement | null): void {
  // A page may name a part of itself the address points into (a case's section): its first
  // heading takes focus instead of the page's, so the reader lands where they asked to go.
  const heading =
    main?.querySelector<HTMLElement>("[data-page-focus] h2") ??
    main?.querySelector<HTMLElement>("h1");
  if (heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  owed = !heading;
  (heading ?? main)?.focus();
}

/** Called by a page's heading when it mounts: takes the focus if navigation still owes it. */
export function takeOwedFocus(heading: HTMLElement | null): void {
  if (!owed || !heading) return;
  owed = false;
  heading.focus();
}
