/**
 * Folds text for name search: lower case, accents and Nordic letters reduced to their base
 * letter (Ö → o, å → a, é → e, ø → o, æ → a). The database folds names the same way
 * (migration 0008, person.search_name).
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/[æÆ]/g, "a")
    .replace(/[øØ]/g, "o")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .trim();
}
