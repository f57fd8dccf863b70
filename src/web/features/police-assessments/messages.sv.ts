// Swedish texts of features/police-assessments: part of the catalogue assembled in i18n/sv.ts.
export const policeAssessmentsSv = {
  // The police's risk assessment, obtained with the client's consent (HSLF-FS 2022:39).
  "police.title": "Polisens riskbedömning",
  "police.listCaption": "Polisens riskbedömningar, senaste först",
  "police.empty": "Ingen riskbedömning från polisen är registrerad i ärendet.",
  "police.itemTitle": "Polisens bedömning {date}",
  "police.level": "Polisens bedömda nivå",
  "police.levelHint": "Med polisens egna ord, t.ex. ”Förhöjd risk”.",
  "police.summary": "Sammanfattning",
  "police.summaryOptional": "Sammanfattning (frivilligt)",
  "police.consent": "Samtycke",
  "police.consentLine": "{form}, givet {date}",
  "police.recordedBy": "Registrerad av",
  "police.byAt": "{name}, {time}",
  "police.newTitle": "Registrera polisens bedömning",
  "police.intro":
    "Med klientens samtycke får socialtjänsten ta del av polisens riskbedömning. Registrera att den har hämtats och vilket samtycke den bygger på. Uppgifterna kan inte ändras i efterhand.",
  "police.assessedOn": "Datum för polisens bedömning",
  "police.consentGivenOn": "Samtycke givet (datum)",
  "police.consentForm": "Samtyckets form",
  "police.consentReference": "Var samtycket finns",
  "police.consentReferenceHint": "T.ex. journalanteckningens datum eller blankettens nummer.",
  "police.submit": "Registrera bedömningen",
  "police.recorded": "Polisens bedömning är registrerad.",
  "police.errorAssessedOn": "Ange datum för polisens bedömning.",
  "police.errorLevel": "Skriv polisens bedömda nivå.",
  "police.errorConsentGivenOn": "Ange vilken dag klienten gav sitt samtycke.",
  "police.errorConsentForm": "Välj om samtycket är skriftligt eller muntligt.",
  "police.errorReference":
    "Ange var samtycket finns, t.ex. journalanteckningens datum eller blankettens nummer.",
} as const;
