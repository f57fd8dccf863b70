import { useT } from "../i18n/useT";

/** Honest placeholder for a page whose function is not built yet. */
export function ComingSoon({ description }: { description: string }) {
  const { t } = useT();
  return (
    <div className="coming-soon">
      <p className="coming-soon__label">{t("page.comingSoon")}</p>
      <p>{description}</p>
    </div>
  );
}
