import type { MessagesOf } from "../../i18n/messages";
import type { searchSv } from "./messages.sv";

// English texts of features/search: exactly the keys and placeholders of messages.sv.ts.
export const searchEn: MessagesOf<typeof searchSv> = {
  "search.title": "Find a case or journal text",
  "search.query": "Case number or words",
  "search.queryHint":
    "A case number (for example 2026-0042) opens the case. Other words are searched for in the journal entries of the cases you have access to.",
  "search.submit": "Search",
  "search.noCase": "You have no case numbered {reference}.",
  "search.resultsTitle": "Journal entries",
  "search.noResults": "No journal entries contain the words.",
  "search.resultCount": "Entries: {count}, newest event first.",
  "search.resultCountMore": "Entries: {count}, newest event first. There are more.",
  "search.showMore": "Show more entries",
  "search.hitTitle": "Case {reference}: journal",
  "search.hitMeta": "{date} · {type} · {author}",
  "search.draft": "Your draft",
} as const;
