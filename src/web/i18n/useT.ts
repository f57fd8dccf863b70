import { useContext } from "react";
import { I18nContext, type I18nValue } from "./context";

/** The current language, a setter, and t(key, params) for the current language. */
export function useT(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT must be used inside <I18nProvider>");
  return value;
}
