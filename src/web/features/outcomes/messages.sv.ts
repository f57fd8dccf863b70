/** Måluppfyllelse vid avslut och uppföljningsmätningar över tid (issue 20). */
export const outcomesSv = {
  "outcome.goalReached": "Har målet med insatsen nåtts?",
  "outcome.goalReachedHint": "Bedöm tillsammans med personen om det går.",
  "outcome.goal.wholly": "Helt",
  "outcome.goal.partly": "Delvis",
  "outcome.goal.not": "Inte alls",
  "outcome.goal.not_assessed": "Inte bedömt",
  "outcome.ownView": "Personens egen uppfattning",
  "outcome.ownViewHint":
    "Fråga hur personen själv ser på stödet och sin situation nu. Lämna tomt om hon eller han inte vill svara.",
  "outcome.notAssessedReason": "Varför har måluppfyllelsen inte bedömts?",
  "outcome.chooseGoal": "Välj om målet har nåtts helt, delvis, inte alls eller inte har bedömts.",
  "outcome.reasonRequired": "Skriv varför måluppfyllelsen inte har bedömts.",
  "outcomeMeasures.title": "Uppföljning över tid",
  "outcomeMeasures.intro":
    "Totalpoäng för varje uppföljningsmätning. Högre poäng betyder att det går bättre.",
  "outcomeMeasures.empty": "Inga uppföljningsmätningar ännu.",
  "outcomeMeasures.chartDesc":
    "Linjediagram med totalpoäng per datum. Samma uppgifter finns i tabellen under diagrammet.",
  "outcomeMeasures.showTable": "Visa som tabell: {name}",
  "outcomeMeasures.tableCaption": "{name}: totalpoäng per datum",
  "outcomeMeasures.date": "Datum",
  "outcomeMeasures.total": "Totalpoäng",
  "outcomeMeasures.totalValue": "{total} av {max}",
  "outcomeMeasures.change": "Förändring sedan förra",
  "outcomeMeasures.case": "Ärende",
  "outcomeMeasures.baseline": "Första mätningen",
} as const;
