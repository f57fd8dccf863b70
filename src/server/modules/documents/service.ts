import { createHash, randomUUID } from "node:crypto";
import type { DocumentView } from "../../../shared/api/documents.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { lockTreatment } from "../../access/treatment-lock.ts";
import { auditContext, caseEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { DocumentTable } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { openContent, type ShredTarget, sealedContent, shredAfterCommit } from "./content.ts";

/**
 * Documents in a case. Today one kind: his signed consent to partner contact, scanned and
 * attached in his treatment case; it is destroyed when the treatment ends (seed 004). A file
 * is checked by its first bytes, not by what the browser says it is. Its content is stored
 * sealed under a record key of its own and destroyed by destroying that key (content.ts).
 */
export const maxDocumentBytes = 10 * 1024 * 1024;

const signatures: { type: DocumentTable["media_type"]; starts: number[] }[] = [
  { type: "application/pdf", starts: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", starts: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", starts: [0xff, 0xd8, 0xff] },
];

const fileStem: Record<DocumentTable["kind"], string> = {
  partner_contact_consent: "samtycke-partnerkontakt",
  sharing_consent: "samtycke-utlamnande",
  disclosure: "utlamnande",
};
const extension: Record<DocumentTable["media_type"], string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
};

function sniff(bytes: Uint8Array): DocumentTable["media_type"] | null {
  return signatures.find((s) => s.starts.every((b, i) => bytes[i] === b))?.type ?? null;
}

async function list(trx: Trx, caseId: string): Promise<DocumentView[]> {
  const rows = await trx
    .selectFrom("document as d")
    .innerJoin("app_user as u", "u.id", "d.uploaded_by")
    .leftJoin("app_user as x", "x.id", "d.destroyed_by")
    .select([
      "d.id",
      "d.kind",
      "d.filename",
      "d.media_type",
      "d.size_bytes",
      "d.sha256",
      "d.uploaded_at",
      "d.destroyed_at",
      "d.destroyed_reason",
      "d.key_destroyed_at",
      "u.display_name as uploaded_by",
      "x.display_name as destroyed_by",
    ])
    .where("d.case_id", "=", caseId)
    .orderBy("d.uploaded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    filename: r.filename,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at.toISOString(),
    destroyed: r.destroyed_at
      ? {
          at: r.destroyed_at.toISOString(),
          by: r.destroyed_by ?? "",
          reason: r.destroyed_reason ?? "",
          keyDestroyedAt: r.key_destroyed_at?.toISOString() ?? null,
        }
      : null,
  }));
}

export function readDocuments(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "document.list",
    run: ({ trx }) => list(trx, caseId),
  });
}

type Upload = { kind: DocumentTable["kind"]; bytes: Uint8Array };

export async function uploadDocument(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: Upload,
) {
  const mediaType = sniff(input.bytes);
  if (input.bytes.length === 0 || !mediaType)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      file: "Filen måste vara en PDF eller en bild (PNG eller JPEG), t.ex. den inskannade blanketten.",
    });
  const id = randomUUID();
  // The key is made before the transaction (it must exist when the row commits); if the
  // upload is refused, the key of content never stored goes again.
  const sealed = await sealedContent(database.recordKeys, id, input.bytes);
  const upload = runCaseCommand(database, actor, meta, {
    caseId,
    action: "document.upload",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Inga handlingar sparas i ett avslutat ärende.",
    run: async ({ trx, case: c }) => {
      if (input.kind === "partner_contact_consent") await checkConsentFormCase(trx, c);
      const sha256 = createHash("sha256").update(input.bytes).digest("hex");
      const filename = `${fileStem[input.kind]}-${stockholmDate(new Date())}.${extension[mediaType]}`;
      await trx
        .insertInto("document")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          kind: input.kind,
          filename,
          media_type: mediaType,
          size_bytes: input.bytes.length,
          sha256,
          ...sealed,
          uploaded_by: actor.userId,
        })
        .execute();
      return list(trx, caseId);
    },
    event: () => ({ data: { documentId: id, kind: input.kind } }),
  });
  return upload.catch(async (error: unknown) => {
    await database.recordKeys.destroy(sealed.content_key_id).catch(() => {});
    throw error;
  });
}

/**
 * The consent form belongs to his treatment, while it runs: locked, then read, so an end
 * racing the upload either comes first (409 here) or destroys this form with the others.
 */
async function checkConsentFormCase(trx: Trx, c: CaseRow): Promise<void> {
  const running = await lockTreatment(trx, c.id);
  const t = await trx
    .selectFrom("treatment")
    .select("phase")
    .where("case_id", "=", c.id)
    .executeTakeFirst();
  if (c.case_type !== "perpetrator" || !t)
    throw new AppError(
      400,
      "validation_failed",
      "Samtyckesblanketten hör till ett behandlingsärende med registrerad behandling.",
      {
        kind: "Samtyckesblanketten hör till ett behandlingsärende med registrerad behandling.",
      },
    );
  if (!running || t.phase === "ended")
    throw new AppError(409, "conflict", "Behandlingen är avslutad; blanketten ska inte sparas.");
}

export function readDocumentContent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  documentId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "document.read",
    run: async ({ trx }) => {
      const doc = await trx
        .selectFrom("document")
        .select(["id", "filename", "media_type", "content", "content_key_id", "destroyed_at"])
        .where("id", "=", documentId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      if (!doc) throw new AppError(404, "not_found", "Handlingen finns inte i ärendet.");
      const content =
        doc.destroyed_at || !doc.content
          ? null
          : await openContent(database.recordKeys, { ...doc, content: doc.content });
      if (!content)
        throw new AppError(410, "gone", "Handlingen är förstörd. Kvittot finns kvar i ärendet.");
      return { filename: doc.filename, mediaType: doc.media_type, content };
    },
    event: () => ({ data: { documentId } }),
  });
}

/**
 * Destroys the case's documents of a kind (or the given ones of the case, for retention):
 * the bytes go, the receipt stays (in the row and as one audit event per document), and once
 * the transaction commits their record keys are destroyed, so no copy of the database can
 * give the bytes back (content.ts). The one way to destroy a document's content. Returns the
 * ids of those it destroyed (a receipt is written for nothing else).
 */
export async function destroyDocuments(
  trx: Trx,
  database: ShredTarget,
  actor: Actor,
  meta: RequestMeta,
  c: CaseRow,
  which: DocumentTable["kind"] | { documentIds: string[] },
  reason: string,
): Promise<string[]> {
  if (typeof which === "object" && which.documentIds.length === 0) return [];
  const destroyed = await trx
    .updateTable("document")
    .set({
      content: null,
      destroyed_at: new Date(),
      destroyed_by: actor.userId,
      destroyed_reason: reason,
    })
    .where("case_id", "=", c.id)
    .where((eb) =>
      typeof which === "string" ? eb("kind", "=", which) : eb("id", "in", which.documentIds),
    )
    .where("destroyed_at", "is", null)
    .returning(["id", "kind", "sha256", "content_key_id"])
    .execute();
  shredAfterCommit(trx, database, destroyed);
  await recordAudit(
    trx,
    auditContext(actor, meta),
    destroyed.map((d) =>
      caseEntry(c, "document.destroy", {
        reason,
        data: { documentId: d.id, kind: d.kind, sha256: d.sha256, keyId: d.content_key_id },
      }),
    ),
  );
  return destroyed.map((d) => d.id);
}
