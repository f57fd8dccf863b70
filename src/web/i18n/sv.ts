// Swedish message catalogue: the source of truth for every text the UI shows.
// Keys are English and dotted by area; en.ts must have exactly the same keys.
// Placeholders are written {name} and filled by t(key, { name }).
export const sv = {
  "app.name": "Frid",
  "app.subtitle": "Ärendehantering – våld i nära relationer",
  "app.documentTitle": "{page} – {app}",
  "app.loadError":
    "Det gick inte att hämta information om systemet. Försök ladda om sidan. Om felet kvarstår, kontakta din systemförvaltare.",

  "shell.skipToMain": "Hoppa till huvudinnehållet",
  "shell.demoBanner": "DEMO – fiktiva uppgifter",
  "shell.navLabel": "Huvudmeny",
  "shell.footerVersion": "Version {version}",

  "language.label": "Språk",
  // Language names are written in their own language so a user can always find theirs.
  "language.sv": "Svenska",
  "language.en": "English",

  "nav.myCases": "Mina ärenden",
  "nav.personSearch": "Sök person",
  "nav.admin": "Administration",

  "page.comingSoon": "Kommer snart",

  "myCases.title": "Mina ärenden",
  "myCases.description":
    "Här ser du de ärenden du är tilldelad, med det som ska göras snart och det som är försenat.",

  "personSearch.title": "Sök person",
  "personSearch.description": "Här kan du söka bland de personer du har behörighet till.",

  "admin.title": "Administration",
  "admin.description": "Här hanterar du enheter, användare och deras roller.",

  "notFound.title": "Sidan finns inte",
  "notFound.description": "Adressen leder inte till någon sida i Frid. Kontrollera adressen.",
  "notFound.backToStart": "Gå till startsidan",
} as const;
