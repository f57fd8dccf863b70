import type { Messages } from "./messages";

// English, the second language. Typed as Messages: a missing or extra key does not compile.
export const en: Messages = {
  "app.name": "Frid",
  "app.subtitle": "Case management – violence in close relationships",
  "app.documentTitle": "{page} – {app}",
  "app.loadError":
    "Could not load system information. Try reloading the page. If the problem persists, contact your system administrator.",

  "shell.skipToMain": "Skip to main content",
  "shell.demoBanner": "DEMO – fictitious data",
  "shell.navLabel": "Main menu",
  "shell.footerVersion": "Version {version}",

  "language.label": "Language",
  "language.sv": "Svenska",
  "language.en": "English",

  "nav.myCases": "My cases",
  "nav.personSearch": "Search person",
  "nav.admin": "Administration",

  "page.comingSoon": "Coming soon",

  "myCases.title": "My cases",
  "myCases.description":
    "Here you will see the cases assigned to you, with what is due soon and what is overdue.",

  "personSearch.title": "Search person",
  "personSearch.description": "Here you can search among the persons you have access to.",

  "admin.title": "Administration",
  "admin.description": "Here you manage units, users and their roles.",

  "notFound.title": "Page not found",
  "notFound.description": "The address does not lead to a page in Frid. Check the address.",
  "notFound.backToStart": "Go to the start page",
};
