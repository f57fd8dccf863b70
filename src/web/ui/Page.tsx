import { type ReactNode, useEffect, useRef } from "react";
import { useT } from "../i18n/useT";
import { takeOwedFocus } from "./page-focus";

/**
 * Frame for one page: its <h1> (focusable, so Layout can move focus to it after navigation)
 * and the document title "<title> – Frid", which follows the language. A page whose heading
 * names a person gives a `documentTitle` without the name: titles are kept in the browser's
 * history, where a client's name must not end up.
 */
export function Page({
  title,
  documentTitle,
  children,
}: {
  title: string;
  documentTitle?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const pageTitle = documentTitle ?? title;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A lazily loaded page arrives after the navigation that asked for it: see page-focus.ts.
  useEffect(() => takeOwedFocus(headingRef.current), []);

  useEffect(() => {
    document.title = t("app.documentTitle", { page: pageTitle, app: t("app.name") });
  }, [t, pageTitle]);

  return (
    <>
      <h1 ref={headingRef} className="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
