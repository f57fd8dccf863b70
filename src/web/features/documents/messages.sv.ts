// Swedish texts of features/documents: part of the catalogue assembled in i18n/sv.ts.
export const documentsSv = {
  // Documents in a case: his signed partner-contact consent form, scanned (seed 004).
  "documents.title": "Handlingar",
  "documents.consentTitle": "Samtycke till partnerkontakt",
  "documents.consentFormLink": "Skriv ut samtyckesblankett (PDF)",
  "documents.consentFormHint":
    "Skriv ut blanketten, gå igenom den med honom och låt honom skriva under. Skanna sedan den undertecknade blanketten och bifoga den här. Den förstörs när behandlingen avslutas; ett kvitto finns kvar.",
  "documents.consentFormLater":
    "Samtyckesblanketten kan skrivas ut när behandlingen är registrerad.",
  "documents.treatmentEnded":
    "Behandlingen är avslutad. Blanketten sparas inte längre, och inskannade blanketter är förstörda; kvittona finns kvar i listan.",
  "documents.uploadTitle": "Bifoga den undertecknade blanketten",
  "documents.file": "Inskannad blankett",
  "documents.fileHint": "PDF, PNG eller JPEG, högst 10 MB.",
  "documents.submit": "Bifoga blanketten",
  "documents.uploaded": "{name} är bifogad.",
  "documents.errorNoFile": "Välj filen med den inskannade blanketten.",
  "documents.errorFileType": "Filen måste vara en PDF eller en bild (PNG eller JPEG).",
  "documents.errorFileSize": "Filen är större än 10 MB. Skanna med lägre upplösning.",
  "documents.listTitle": "Bifogade handlingar",
  "documents.listCaption": "Handlingar i ärendet, senaste först",
  "documents.empty": "Inga handlingar är bifogade i ärendet.",
  "documents.kind": "Handling",
  "documents.kind.partner_contact_consent": "Samtycke till partnerkontakt, undertecknat",
  "documents.kind.sharing_consent": "Samtycke till att lämna ut uppgifter, undertecknat",
  "documents.kind.disclosure": "Utlämnad handling",
  "documents.size": "Storlek",
  "documents.uploadedBy": "Bifogad av",
  "documents.byAt": "{name}, {time}",
  "documents.download": "Öppna {name}",
  "documents.destroyed": "Förstörd {date} av {name}: {reason}",
  "documents.destroyedNote": "Filens innehåll är borttaget. Kvittot finns kvar.",
  "documents.keyDestroyed":
    "Handlingens egen nyckel förstördes {time}: innehållet kan inte läsas i databasen, dess WAL eller dess säkerhetskopior. Kvittot finns kvar.",
  "documents.checksum": "Kontrollsumma (SHA-256) för det förstörda innehållet: {sha256}",
  "documents.bytes": "{size} byte",
  "documents.kilobytes": "{size} kB",
  "documents.megabytes": "{size} MB",
} as const;
