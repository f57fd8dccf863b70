import { type ReactNode, useEffect } from "react";
import { useT } from "../i18n/useT";

/**
 * Frame for one page: its <h1> (focusable, so Layout can move focus to it after navigation)
 * and the document title "<title> – Frid", which follows the language.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useT();

  useEffect(() => {
    document.title = t("app.documentTitle", { page: title, app: t("app.name") });
  }, [t, title]);

  return (
    <>
      <h1 className="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
