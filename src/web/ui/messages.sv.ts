// Swedish texts of the shared kit (frame, navigation, common words, errors): part of the catalogue assembled in i18n/sv.ts.
export const uiSv = {
  "app.name": "Frid",
  "app.subtitle": "Ärendehantering – våld i nära relationer",
  "app.documentTitle": "{page} – {app}",
  "app.loadError":
    "Det gick inte att hämta information om systemet. Försök ladda om sidan. Om felet kvarstår, kontakta din systemförvaltare.",

  "shell.skipToMain": "Hoppa till huvudinnehållet",
  "shell.demoBanner": "DEMO – fiktiva uppgifter",
  "shell.navLabel": "Huvudmeny",
  "shell.footerVersion": "Version {version}",
  "shell.userLabel": "Inloggad användare",

  "language.label": "Språk",
  // Language names are written in their own language so a user can always find theirs.
  "language.sv": "Svenska",
  "language.en": "English",

  // The date field (DateField.tsx) shows ÅÅÅÅ-MM-DD in every language of the UI.
  "dateField.openCalendar": "Välj datum i kalendern",
  "dateField.unfinished": "Ange datum som ÅÅÅÅ-MM-DD.",

  "nav.myCases": "Mina ärenden",
  "nav.personSearch": "Sök person",
  "nav.search": "Sök ärende",
  "nav.audit": "Loggkontroll",
  "nav.admin": "Administration",
  "nav.statistics": "Statistik",
  "nav.costs": "Kostnader",

  "common.loading": "Hämtar …",
  "common.yes": "Ja",
  "common.no": "Nej",
  "common.choose": "Välj …",
  "common.requestId": "Felkod: {id}",
  "common.closeForm": "Stäng formuläret",
  "common.unknownIdentity": "Okänd identitet",

  "error.unexpected":
    "Något gick fel. Försök igen. Om felet kvarstår, kontakta din systemförvaltare.",
  "error.network": "Det gick inte att nå Frid. Kontrollera nätverket och försök igen.",
  "error.unavailable": "Frid är inte tillgängligt just nu. Försök igen om en stund.",
  "error.unauthenticated": "Du behöver logga in igen.",
  "error.forbidden": "Du har inte behörighet till det här.",
  "error.notFound": "Det finns inte eller så saknar du behörighet.",
  "error.validation": "Några uppgifter behöver rättas.",
  "error.conflict": "Uppgiften har ändrats av någon annan. Ladda om sidan och försök igen.",
  "error.tooManyRequests": "För många försök. Vänta en stund och försök igen.",
  "error.invalidCredentials": "Fel användarnamn eller lösenord.",

  // A statutory last day moved by lag (1930:173) 2 §, and why (the counted day's name).
  "deadline.moved": "{counted} är {dayOff} – sista dag enligt lag (1930:173)",
  "deadline.day14": "dag 14 ({date})",
  "dayOff.saturday": "en lördag",
  "dayOff.sunday": "en söndag",
  "dayOff.new_years_day": "nyårsdagen",
  "dayOff.epiphany": "trettondedag jul",
  "dayOff.good_friday": "långfredagen",
  "dayOff.easter_sunday": "påskdagen",
  "dayOff.easter_monday": "annandag påsk",
  "dayOff.may_day": "första maj",
  "dayOff.ascension_day": "Kristi himmelsfärdsdag",
  "dayOff.whit_sunday": "pingstdagen",
  "dayOff.national_day": "Sveriges nationaldag",
  "dayOff.midsummer_eve": "midsommarafton",
  "dayOff.midsummer_day": "midsommardagen",
  "dayOff.all_saints_day": "alla helgons dag",
  "dayOff.christmas_eve": "julafton",
  "dayOff.christmas_day": "juldagen",
  "dayOff.boxing_day": "annandag jul",
  "dayOff.new_years_eve": "nyårsafton",

  "notFound.title": "Sidan finns inte",
  "notFound.description": "Adressen leder inte till någon sida i Frid. Kontrollera adressen.",
  "notFound.backToStart": "Gå till startsidan",
  "common.notAsked": "Ej frågat",
  "common.notGiven": "Ej angivet",
  "common.cancel": "Avbryt",

  // The lists' filter bars and sortable columns (ui/ListControls.tsx).
  "list.filterOf": "Filtrera: {list}",
  "list.all": "Alla",
  "list.clearFilters": "Rensa filter",
  "list.noMatch": "Inget i listan passar filtren. Välj andra filter eller rensa dem.",
  "list.responsible": "Ansvarig",
  "list.worker": "Handläggare",
  "list.noneResponsible": "Ingen ansvarig",
  "list.deadline": "Sista dag",
  "list.deadline.overdue": "Försenade",
  "list.deadline.within3": "Inom 3 dagar",
  "list.deadline.within7": "Inom 7 dagar",
} as const;
