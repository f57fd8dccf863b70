import { isLanguage, type Language } from "./messages";

export const languageStorageKey = "frid.lang";
export const defaultLanguage: Language = "sv";

// localStorage can throw (disabled storage, privacy modes); the UI must work regardless,
// so failures fall back to Swedish and a choice that cannot be saved lasts for the session.
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export function storeLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(languageStorageKey, lang);
  } catch {
    // Not persisted; see above.
  }
}
