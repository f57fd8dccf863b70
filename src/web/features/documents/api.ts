import {
  DocumentList,
  type DocumentView,
  type documentKinds,
  type documentMediaTypes,
} from "../../../shared/api/documents";
import { parseWith, postFile } from "../../api/client";
import type { Transport } from "../../api/transport";

export type CaseDocument = DocumentView;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentMediaType = (typeof documentMediaTypes)[number];

/** The documents calls of the Api (api/endpoints.ts assembles every feature's). */
export function documentsApi({ call, get, opts, id }: Transport) {
  return {
    // Documents in a case: his signed consent form, scanned. The upload is the file itself as
    // the body, with its content type; a destroyed document keeps only its receipt.
    documents: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/documents`, DocumentList, signal),
    uploadDocument: (caseId: string, kind: DocumentKind, file: Blob) =>
      call(async () =>
        parseWith(
          DocumentList,
          await postFile(
            `/api/cases/${id(caseId)}/documents?${new URLSearchParams({ kind })}`,
            file,
            file.type,
            opts(),
          ),
        ),
      ),
    /** A document's file, for a plain link (410 once destroyed). */
    documentContentUrl: (caseId: string, documentId: string) =>
      `/api/cases/${id(caseId)}/documents/${id(documentId)}/content`,
  };
}
