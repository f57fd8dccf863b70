import { z } from "zod";

/**
 * Documents kept in a case: his signed partner-contact consent form, a signed consent to share
 * information (issue 18), the document a disclosure sent. When a
 * document is destroyed its content is gone; what it was, and who destroyed it when and why,
 * stays as the receipt.
 */
export const documentKinds = ["partner_contact_consent", "sharing_consent", "disclosure"] as const;
export const documentMediaTypes = ["application/pdf", "image/png", "image/jpeg"] as const;

/**
 * The file's kind only: the server names the file itself ("samtycke-partnerkontakt-DATE"),
 * so no name typed on a computer (perhaps hers) goes into the URL, the log or the receipt.
 */
export const UploadDocumentQuery = z
  .object({ kind: z.enum(documentKinds, { message: "Välj vilken sorts handling det är." }) })
  .strict();

export const DocumentView = z
  .object({
    id: z.uuid(),
    kind: z.enum(documentKinds),
    filename: z.string(),
    mediaType: z.enum(documentMediaTypes),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
    destroyed: z
      .object({
        at: z.string(),
        by: z.string(),
        reason: z.string(),
        keyDestroyedAt: z.string().nullable().meta({
          description:
            "When the document's own key was destroyed: from then on its content cannot be read from the database, its WAL or its backups. Null for a document destroyed before it had a key of its own, or while its key is still being destroyed",
        }),
      })
      .nullable()
      .meta({ description: "The receipt: the content is gone, this stays" }),
  })
  .meta({ id: "Document" });
export type DocumentView = z.infer<typeof DocumentView>;
export const DocumentList = z
  .object({ documents: z.array(DocumentView) })
  .meta({ id: "DocumentList" });
export const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
