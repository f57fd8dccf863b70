// Swedish texts of features/protection: part of the catalogue assembled in i18n/sv.ts.
export const protectionSv = {
  // Skyddshandläggare (issue 19, item 3)
  "protection.title": "Skyddade personuppgifter",
  "protection.intro":
    "Personer med skyddade personuppgifter i de enheter där du är skyddshandläggare, varje visning av deras skyddade uppgifter och dina samråd. Samråd krävs innan en skyddsnivå sänks och innan uppgifter om personen lämnas ut; ett samråd gäller i 30 dagar.",
  "protection.forbidden": "Sidan är för enhetens skyddshandläggare.",
  "protection.empty": "Det finns inga personer med skyddade personuppgifter i dina enheter.",
  "protection.cases": "Ärenden: {cases}",
  "protection.caseWithheld": "(ärendenummer visas inte)",
  "protection.showReveals": "Visningar och samråd",
  "protection.revealsTitle": "Visningar av skyddade uppgifter",
  "protection.revealsEmpty": "Ingen har visat hennes skyddade uppgifter.",
  "protection.revealedAt": "När",
  "protection.revealedBy": "Vem",
  "protection.reason": "Skäl",
  "protection.consultationsTitle": "Samråd",
  "protection.consultationsEmpty": "Inga samråd är registrerade.",
  "protection.kind.lower_protection": "Sänkt skyddsnivå",
  "protection.kind.disclosure": "Utlämnande",
  "protection.outcome.agreed": "Tillstyrkt",
  "protection.outcome.advised_against": "Avstyrkt",
  "protection.consultTitle": "Registrera samråd",
  "protection.consultCase": "Ärende",
  "protection.consultKind": "Samrådet gäller",
  "protection.consultOutcome": "Din bedömning",
  "protection.consultNote": "Vad samrådet kom fram till",
  "protection.consultSubmit": "Spara samrådet",
  "protection.consultSaved": "Samrådet är sparat.",
  // The mail-and-payment routine on the case page
  "protectionChecklist.title": "Rutin för post och utbetalningar",
  "protectionChecklist.intro":
    "Personen har skyddade personuppgifter. Bocka av varje punkt när den är ordnad; Att göra påminner tills alla är klara.",
  "protectionChecklist.mail_via_skatteverket":
    "Post skickas via Skatteverkets förmedling, aldrig till en adress",
  "protectionChecklist.payments_without_address": "Utbetalningar görs utan adress",
  "protectionChecklist.records_marked": "Akten och journalen är markerade som skyddade",
  "protectionChecklist.files_locked": "Pappersakten förvaras inlåst",
  "protectionChecklist.contacts_informed":
    "Samverkande aktörer är informerade om att uppgifterna är skyddade",
  "protectionChecklist.done": "klart {date}, {who}",
} as const;
