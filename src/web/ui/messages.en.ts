import type { MessagesOf } from "../i18n/messages";
import type { uiSv } from "./messages.sv";

// English texts of the shared kit: exactly the keys and placeholders of messages.sv.ts.
export const uiEn: MessagesOf<typeof uiSv> = {
  "app.name": "Frid",
  "app.subtitle": "Case management – violence in close relationships",
  "app.documentTitle": "{page} – {app}",
  "app.loadError":
    "Could not load system information. Try reloading the page. If the problem persists, contact your system administrator.",

  "shell.skipToMain": "Skip to main content",
  "shell.demoBanner": "DEMO – fictitious data",
  "shell.navLabel": "Main menu",
  "shell.footerVersion": "Version {version}",
  "shell.userLabel": "Signed-in user",

  "language.label": "Language",
  "language.sv": "Svenska",
  "language.en": "English",

  // The date field (DateField.tsx) shows ÅÅÅÅ-MM-DD in every language of the UI.
  "dateField.openCalendar": "Choose the date in a calendar",
  "dateField.unfinished": "Enter the date as ÅÅÅÅ-MM-DD (year-month-day).",

  "nav.myCases": "My cases",
  "nav.personSearch": "Search person",
  "nav.search": "Find a case",
  "nav.audit": "Access log review",
  "nav.admin": "Administration",
  "nav.statistics": "Statistics",
  "nav.chat": "Chat",
  "nav.shelter": "The shelter",
  "nav.vacancies": "Vacancies",
  "nav.places": "Places",
  "nav.costs": "Costs",

  "common.loading": "Loading …",
  "common.yes": "Yes",
  "common.no": "No",
  "common.choose": "Choose …",
  "common.requestId": "Error code: {id}",
  "common.closeForm": "Close the form",
  "common.unknownIdentity": "Unknown identity",

  "error.unexpected":
    "Something went wrong. Try again. If the problem persists, contact your system administrator.",
  "error.network": "Could not reach Frid. Check the network and try again.",
  "error.unavailable": "Frid is not available right now. Try again in a while.",
  "error.unauthenticated": "You need to sign in again.",
  "error.forbidden": "You are not authorised to do this.",
  "error.notFound": "It does not exist, or you are not authorised to see it.",
  "error.validation": "Some details need correcting.",
  "error.conflict": "Someone else has changed this. Reload the page and try again.",
  "error.tooManyRequests": "Too many attempts. Wait a while and try again.",
  "error.invalidCredentials": "Wrong username or password.",

  // A statutory last day moved by lag (1930:173) 2 §, and why (the counted day's name).
  "deadline.moved": "{counted} is {dayOff} – the last day under lag (1930:173) is the next weekday",
  "deadline.day14": "day 14 ({date})",
  "dayOff.saturday": "a Saturday",
  "dayOff.sunday": "a Sunday",
  "dayOff.new_years_day": "New Year's Day",
  "dayOff.epiphany": "Epiphany",
  "dayOff.good_friday": "Good Friday",
  "dayOff.easter_sunday": "Easter Sunday",
  "dayOff.easter_monday": "Easter Monday",
  "dayOff.may_day": "May Day",
  "dayOff.ascension_day": "Ascension Day",
  "dayOff.whit_sunday": "Whit Sunday",
  "dayOff.national_day": "Sweden's National Day",
  "dayOff.midsummer_eve": "Midsummer Eve",
  "dayOff.midsummer_day": "Midsummer Day",
  "dayOff.all_saints_day": "All Saints' Day",
  "dayOff.christmas_eve": "Christmas Eve",
  "dayOff.christmas_day": "Christmas Day",
  "dayOff.boxing_day": "Boxing Day",
  "dayOff.new_years_eve": "New Year's Eve",

  "notFound.title": "Page not found",
  "notFound.description": "The address does not lead to a page in Frid. Check the address.",
  "notFound.backToStart": "Go to the start page",
  "common.notAsked": "Not asked",
  "common.notGiven": "Not given",
  "common.cancel": "Cancel",

  "list.filterOf": "Filter: {list}",
  "list.all": "All",
  "list.clearFilters": "Clear filters",
  "list.noMatch": "Nothing in the list matches the filters. Choose other filters or clear them.",
  "list.responsible": "Responsible",
  "list.worker": "Worker",
  "list.noneResponsible": "Nobody responsible",
  "list.deadline": "Last day",
  "list.deadline.overdue": "Overdue",
  "list.deadline.within3": "Within 3 days",
  "list.deadline.within7": "Within 7 days",
};
