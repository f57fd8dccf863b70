// Swedish texts of features/case-consultations: part of the catalogue assembled in i18n/sv.ts.
export const caseConsultationsSv = {
  // Anonymised consultations in a case (issue 18): without consent, without identity.
  "caseConsult.title": "Anonyma konsultationer",
  "caseConsult.intro":
    "Konsultation om barnet eller den vuxne utan samtycke. Skriv aldrig namn eller personnummer: konsultationen kopplas till ärendet bara här, och lämnas aldrig ut.",
  "caseConsult.empty": "Ingen anonym konsultation är registrerad.",
  "caseConsult.listCaption": "Anonyma konsultationer, senaste först",
  "caseConsult.itemTitle": "{with}, {date}",
  "caseConsult.about": "Gäller",
  "caseConsult.about.child": "Barn",
  "caseConsult.about.adult": "Vuxen",
  "caseConsult.agency": "Myndighet i registret",
  "caseConsult.withWhom": "Med vem (om inte i registret)",
  "caseConsult.withWhomHint": "T.ex. resursfunktionen – aldrig en persons namn.",
  "caseConsult.heldOn": "Datum",
  "caseConsult.question": "Frågan",
  "caseConsult.advice": "Rådet",
  "caseConsult.newTitle": "Registrera anonym konsultation",
  "caseConsult.save": "Spara konsultationen",
  "caseConsult.saveAnyway": "Spara ändå",
  "caseConsult.saved": "Konsultationen är sparad.",
  "caseConsult.namesTitle": "Texten ser ut att innehålla ett namn",
  "caseConsult.namesText":
    "Konsultationen ska inte peka ut den enskilde. Ta bort namnet, eller bekräfta att det inte är en persons namn.",
  "caseConsult.confirmNames":
    "Jag har kontrollerat: det är inte den enskildes eller någon annan persons namn",
  "caseConsult.recordedBy": "Registrerad av {name}",
  "caseConsult.choose": "Välj",
} as const;
