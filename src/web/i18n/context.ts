import { createContext } from "react";
import type { Language, Translate } from "./messages";

export interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
