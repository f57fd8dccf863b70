import { type ChangeEvent, useId } from "react";
import { isLanguage, languages } from "../i18n/messages";
import { useT } from "../i18n/useT";

export function LanguageSwitch() {
  const { lang, setLang, t } = useT();
  const id = useId();

  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    if (isLanguage(event.target.value)) setLang(event.target.value);
  }

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} value={lang} onChange={handleChange}>
        {languages.map((code) => (
          // Each name is in its own language, so it is marked up as such for screen readers.
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
