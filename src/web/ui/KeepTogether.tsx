import type { ReactNode } from "react";

/**
 * `text` with `part` (a date, or a date and time) kept on one line: a line never breaks at a
 * date's hyphen ("2026-11-" / "21"), which made dates hard to read on narrow screens.
 */
export function keepTogether(text: string, part: string): ReactNode {
  const at = text.indexOf(part);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <span className="nowrap">{part}</span>
      {text.slice(at + part.length)}
    </>
  );
}
