import {
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import {
  type Catalogue,
  loadCatalogue,
  loadedSwedish,
  onSwedishLoaded,
  shellCatalogue,
} from "./catalogues";
import { I18nContext, type I18nValue } from "./context";
import { format } from "./format";
import type { Language, MessageKey, Messages, Translate } from "./messages";
import { readStoredLanguage, storeLanguage } from "./storage";

/**
 * The catalogue shown for the language chosen: Swedish is the shell's part until a page has
 * loaded the whole (catalogues.ts); English once its chunk has arrived, Swedish meanwhile.
 */
function useShownCatalogue(chosen: Language): { lang: Language; messages: Catalogue } {
  const swedish = useSyncExternalStore(onSwedishLoaded, loadedSwedish);
  const [english, setEnglish] = useState<Messages | null>(null);
  useEffect(() => {
    if (chosen !== "en" || english) return;
    let current = true;
    loadCatalogue("en").then(
      (messages) => current && setEnglish(messages),
      () => {}, // not downloaded (offline): the page stays in Swedish
    );
    return () => {
      current = false;
    };
  }, [chosen, english]);
  if (chosen === "en" && english) return { lang: "en", messages: english };
  return { lang: "sv", messages: swedish ?? shellCatalogue };
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Language>(readStoredLanguage);
  const { lang, messages } = useShownCatalogue(chosen);

  // Screen readers pick pronunciation from <html lang>, so it must follow the UI language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    storeLanguage(next);
    setChosen(next);
  }, []);

  // Only pages use texts outside the shell's part, and they wait for the whole catalogue.
  const t = useCallback<Translate>(
    (key: MessageKey, ...args: [Record<string, string | number>?]) =>
      format(messages[key] ?? "", args[0]),
    [messages],
  );

  const value = useMemo<I18nValue>(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext value={value}>{children}</I18nContext>;
}
