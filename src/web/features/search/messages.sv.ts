// Swedish texts of features/search: part of the catalogue assembled in i18n/sv.ts.
export const searchSv = {
  "search.title": "Sök ärende eller journaltext",
  "search.query": "Ärendenummer eller ord",
  "search.queryHint":
    "Ett ärendenummer (till exempel 2026-0042) öppnar ärendet. Andra ord söks i journalanteckningarna i de ärenden du har tillgång till.",
  "search.submit": "Sök",
  "search.noCase": "Du har inget ärende med numret {reference}.",
  "search.resultsTitle": "Journalanteckningar",
  "search.noResults": "Inga journalanteckningar innehåller orden.",
  "search.resultCount": "Antal anteckningar: {count}, nyaste händelsen först.",
  "search.resultCountMore": "Antal anteckningar: {count}, nyaste händelsen först. Det finns fler.",
  "search.showMore": "Visa fler anteckningar",
  "search.hitTitle": "Ärende {reference}: journal",
  "search.hitMeta": "{date} · {type} · {author}",
  "search.draft": "Ditt utkast",
} as const;
