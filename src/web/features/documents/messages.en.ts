import type { MessagesOf } from "../../i18n/messages";
import type { documentsSv } from "./messages.sv";

// English texts of features/documents: exactly the keys and placeholders of messages.sv.ts.
export const documentsEn: MessagesOf<typeof documentsSv> = {
  // Documents in a case: his signed partner-contact consent form, scanned (seed 004).
  "documents.title": "Documents",
  "documents.consentTitle": "Consent to partner contact",
  "documents.consentFormLink": "Print the consent form (PDF)",
  "documents.consentFormHint":
    "Print the form, go through it with him and let him sign it. Then scan the signed form and attach it here. It is destroyed when the treatment ends; a receipt is kept.",
  "documents.consentFormLater": "The consent form can be printed once the treatment is registered.",
  "documents.treatmentEnded":
    "The treatment has ended. The form is no longer kept, and scanned forms have been destroyed; their receipts remain in the list.",
  "documents.uploadTitle": "Attach the signed form",
  "documents.file": "Scanned form",
  "documents.fileHint": "PDF, PNG or JPEG, at most 10 MB.",
  "documents.submit": "Attach the form",
  "documents.uploaded": "{name} is attached.",
  "documents.errorNoFile": "Choose the file with the scanned form.",
  "documents.errorFileType": "The file must be a PDF or an image (PNG or JPEG).",
  "documents.errorFileSize": "The file is larger than 10 MB. Scan at a lower resolution.",
  "documents.listTitle": "Attached documents",
  "documents.listCaption": "Documents in the case, newest first",
  "documents.empty": "No documents are attached to the case.",
  "documents.kind": "Document",
  "documents.kind.partner_contact_consent": "Consent to partner contact, signed",
  "documents.kind.sharing_consent": "Consent to share information, signed",
  "documents.kind.disclosure": "Document disclosed",
  "documents.size": "Size",
  "documents.uploadedBy": "Attached by",
  "documents.byAt": "{name}, {time}",
  "documents.download": "Open {name}",
  "documents.destroyed": "Destroyed {date} by {name}: {reason}",
  "documents.destroyedNote": "The file's content has been removed. The receipt is kept.",
  "documents.keyDestroyed":
    "The document's own key was destroyed {time}: the content cannot be read from the database, its WAL or its backups. The receipt is kept.",
  "documents.checksum": "Checksum (SHA-256) of the destroyed content: {sha256}",
  "documents.bytes": "{size} bytes",
  "documents.kilobytes": "{size} kB",
  "documents.megabytes": "{size} MB",
};
