import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { catalogues } from "./catalogues";
import { I18nContext, type I18nValue } from "./context";
import { format } from "./format";
import type { Language, MessageKey, Translate } from "./messages";
import { readStoredLanguage, storeLanguage } from "./storage";

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(readStoredLanguage);

  // Screen readers pick pronunciation from <html lang>, so it must follow the UI language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    storeLanguage(next);
    setLangState(next);
  }, []);

  const t = useCallback<Translate>(
    (key: MessageKey, ...args: [Record<string, string | number>?]) =>
      format(catalogues[lang][key], args[0]),
    [lang],
  );

  const value = useMemo<I18nValue>(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext value={value}>{children}</I18nContext>;
}
