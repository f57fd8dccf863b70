import { createHash } from "node:crypto";
import type { RoutineMediaType, RoutineView } from "../../../shared/api/routines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { runRoutineCommand } from "./guard.ts";
import { routineViews } from "./queries.ts";
import { today } from "./service.ts";

/**
 * A routine's document: the approved text itself, a PDF, DOCX or ODT. Checked by its first
 * bytes, as documents/service.ts checks a case's uploads, not by what the browser says: a
 * PDF starts "%PDF-"; DOCX and ODT are zip files, an ODT naming its type in its first entry
 * ("mimetype"), a DOCX holding word/document.xml. Routines are not personal data: the bytes
 * stay in the database (routine_document, 0088), readable by everyone in the organisation.
 */
export const maxRoutineDocumentBytes = 10 * 1024 * 1024;

const zip = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffRoutineDocument(bytes: Uint8Array): RoutineMediaType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (!startsWith(bytes, zip)) return null;
  // ODF: the first entry, stored uncompressed at offset 30, is "mimetype" with the type.
  if (startsWith(bytes, ascii("mimetypeapplication/vnd.oasis.opendocument.text"), 30))
    return "application/vnd.oasis.opendocument.text";
  // OOXML: the entry names are plain text in the zip's headers.
  if (Buffer.from(bytes).includes("word/document.xml"))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return null;
}

const extension: Record<RoutineMediaType, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.oasis.opendocument.text": "odt",
};

/** The file's name as saved: the name given, its extension the one its bytes say. */
function savedName(given: string, type: RoutineMediaType) {
  const stem = given.replace(/\.[A-Za-z0-9]{1,5}$/, "").trim() || "rutin";
  return `${stem.slice(0, 190)}.${extension[type]}`;
}

export function uploadRoutineDocument(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  routineId: string,
  input: { filename: string; version: number; bytes: Uint8Array },
): Promise<RoutineView> {
  const type = sniffRoutineDocument(input.bytes);
  if (input.bytes.length === 0 || !type)
    throw invalid({ file: "Dokumentet måste vara en PDF, en Word-fil (DOCX) eller en ODT-fil." });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return runRoutineCommand(database, actor, meta, {
    routineId,
    action: "routine.document",
    need: "keep",
    version: input.version,
    run: async (trx) => {
      const row = {
        filename: savedName(input.filename, type),
        media_type: type,
        size_bytes: input.bytes.length,
        sha256,
        content: input.bytes,
        uploaded_by: actor.userId,
        uploaded_at: new Date(),
      };
      await trx
        .insertInto("routine_document")
        .values({ routine_id: routineId, org_id: actor.orgId, ...row })
        .onConflict((oc) => oc.column("routine_id").doUpdateSet(row))
        .execute();
      await trx
        .updateTable("routine")
        .set((eb) => ({ version: eb("version", "+", 1) }))
        .where("id", "=", routineId)
        .execute();
      const [view] = await routineViews(trx, today(), [routineId]);
      return view as RoutineView;
    },
    event: () => ({ routineId, sha256 }),
  });
}

export function readRoutineDocument(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  routineId: string,
) {
  return runRoutineCommand(database, actor, meta, {
    routineId,
    action: "routine.document_read",
    need: "read",
    run: async (trx) => {
      const doc = await trx
        .selectFrom("routine_document")
        .select(["filename", "media_type", "content"])
        .where("routine_id", "=", routineId)
        .executeTakeFirst();
      if (!doc) throw new AppError(404, "not_found", "Rutinen har inget dokument uppladdat.");
      return {
        filename: doc.filename,
        mediaType: doc.media_type,
        content: Buffer.from(doc.content),
      };
    },
    event: () => ({ routineId }),
  });
}
