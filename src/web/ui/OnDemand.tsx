import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n/useT";

const firstField = "input:not([type=hidden]), select, textarea";

/**
 * A form that opens when asked ("Ny anteckning", "Nytt beslut") instead of standing open on
 * the page: a button that says what it opens (aria-expanded), and once opened the form with
 * a "Stäng" button after it. Opening puts focus in the form's first field; closing puts it
 * back on the button. `open` keeps it open whatever the user did (a correction begun in
 * the list below needs the form).
 */
export function OnDemand({
  label,
  open: forced = false,
  children,
}: {
  label: string;
  open?: boolean;
  children: ReactNode;
}) {
  const { t } = useT();
  const [chosen, setChosen] = useState(false);
  const [moved, setMoved] = useState<"opened" | "closed" | null>(null);
  const regionId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const open = chosen || forced;

  useEffect(() => {
    if (moved === "opened") regionRef.current?.querySelector<HTMLElement>(firstField)?.focus();
    if (moved === "closed") buttonRef.current?.focus();
  }, [moved]);

  if (!open) {
    return (
      <p className="on-demand">
        <button
          ref={buttonRef}
          type="button"
          className="button"
          aria-expanded="false"
          aria-controls={regionId}
          onClick={() => {
            setChosen(true);
            setMoved("opened");
          }}
        >
          {label}
        </button>
      </p>
    );
  }
  return (
    <div id={regionId} ref={regionRef} className="on-demand on-demand--open">
      {children}
      {!forced && (
        <button
          type="button"
          className="button button--secondary button--small on-demand__close"
          onClick={() => {
            setChosen(false);
            setMoved("closed");
          }}
        >
          {t("common.closeForm")}
        </button>
      )}
    </div>
  );
}
