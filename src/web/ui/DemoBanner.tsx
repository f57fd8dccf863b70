import { useT } from "../i18n/useT";

/** Shown on every page when the server runs with fictitious data, so nobody mistakes it for
 * a production system (or enters real personal data into it). */
export function DemoBanner() {
  const { t } = useT();
  return (
    <div className="demo-banner" role="note">
      {t("shell.demoBanner")}
    </div>
  );
}
