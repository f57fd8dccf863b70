import type { MouseEvent } from "react";
import { useT } from "../i18n/useT";

/** First focusable element on every page; hidden until it receives keyboard focus. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useT();

  // Move focus ourselves instead of relying on fragment navigation: browsers differ in
  // whether they focus the target, and the router should not see a #hash change.
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  }

  return (
    <a className="skip-link" href={`#${targetId}`} onClick={handleClick}>
      {t("shell.skipToMain")}
    </a>
  );
}
