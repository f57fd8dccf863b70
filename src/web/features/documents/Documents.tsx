import { type FormEvent, useEffect, useRef, useState } from "react";
import { documentMediaTypes } from "../../../shared/api/documents";
import { ApiError } from "../../api/client";
import type { CaseDocument, CaseView, DocumentKind } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type QueryState, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDate, formatDateTimeShort } from "../../i18n/dates";
import type { Language, PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { useTreatment } from "../treatment/useTreatment";

/*
 * Handlingar: documents kept in his (perpetrator) case. Today that is his signed consent to
 * partner contact: printed from Frid, signed on paper, scanned and attached here while his
 * treatment runs. When the treatment ends the scan is destroyed: its content is removed and
 * a receipt (when, by whom, why) stays in the list.
 */

const titleId = "documents-title";
const uploadTitleId = "documents-upload-title";
const maxBytes = 10 * 1024 * 1024;

const kindLabels: Readonly<Record<DocumentKind, PlainMessageKey>> = {
  partner_contact_consent: "documents.kind.partner_contact_consent",
  sharing_consent: "documents.kind.sharing_consent",
  disclosure: "documents.kind.disclosure",
};

const documentElementId = (documentId: string) => `document-${documentId}`;

/**
 * Where his treatment stands ("unknown" while loading): it decides whether the consent form
 * and the upload are offered, and its end means the scans were destroyed.
 */
function useTreatmentPhase(caseId: string, reloadDocuments: () => void) {
  const treatment = useTreatment(caseId);
  const phase =
    treatment.state.status === "ready" ? (treatment.state.data?.phase ?? "none") : "unknown";
  // Ending the treatment (in the Behandling panel) destroys the scans: show their receipts.
  const previousPhase = useRef(phase);
  useEffect(() => {
    if (
      phase === "ended" &&
      previousPhase.current !== "ended" &&
      previousPhase.current !== "unknown"
    )
      reloadDocuments();
    previousPhase.current = phase;
  }, [phase, reloadDocuments]);
  return { phase, reloadTreatment: treatment.reload };
}

export function DocumentsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    ["case", record.id, "documents"],
    async (signal) => (await api.documents(record.id, signal)).documents,
  );
  const [message, setMessage] = useState<string | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = query;
  const { phase, reloadTreatment } = useTreatmentPhase(record.id, reload);
  // As for the case's other records: those who write in the case, and not once it is closed.
  const canWrite = record.abilities.change;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("documents.title")}
      </h2>
      <StatusMessage message={message} />

      <ConsentFormNotice caseId={record.id} phase={phase} />

      {canWrite && (phase === "assessment" || phase === "treatment") && (
        <UploadForm
          caseId={record.id}
          beforeSubmit={() => setMessage(null)}
          onStale={() => {
            reloadTreatment();
            reload();
          }}
          onUploaded={(list, name) => {
            const known = state.status === "ready" ? state.data : [];
            const added = list.find((d) => !known.some((k) => k.id === d.id));
            setData(list);
            setMessage(t("documents.uploaded", { name }));
            focusLater(added ? documentElementId(added.id) : titleId);
          }}
        />
      )}

      <div className="subsection">
        <h3>{t("documents.listTitle")}</h3>
        <DocumentList caseId={record.id} state={state} />
      </div>
    </section>
  );
}

/** The documents, newest first: each to download, or the receipt of its destruction. */
function DocumentList({ caseId, state }: { caseId: string; state: QueryState<CaseDocument[]> }) {
  const { t } = useT();
  return (
    <Loaded state={state}>
      {(data) =>
        data.length === 0 ? (
          <p className="empty">{t("documents.empty")}</p>
        ) : (
          <ol className="record-list" aria-label={t("documents.listCaption")}>
            {data.map((doc) => (
              <li key={doc.id} className="record-list__item">
                <DocumentRecord caseId={caseId} doc={doc} />
              </li>
            ))}
          </ol>
        )
      }
    </Loaded>
  );
}

/** The consent form to print and have signed, while the treatment runs. */
function ConsentFormNotice({
  caseId,
  phase,
}: {
  caseId: string;
  phase: ReturnType<typeof useTreatmentPhase>["phase"];
}) {
  const { t } = useT();
  const api = useApi();
  return (
    <div className="notice">
      <h3 className="notice__title">{t("documents.consentTitle")}</h3>
      {phase === "none" && <p>{t("documents.consentFormLater")}</p>}
      {phase === "ended" && <p>{t("documents.treatmentEnded")}</p>}
      {(phase === "assessment" || phase === "treatment") && (
        <>
          <p>
            <a href={api.partnerConsentFormUrl(caseId)} download>
              {t("documents.consentFormLink")}
            </a>
          </p>
          <p className="field__hint">{t("documents.consentFormHint")}</p>
        </>
      )}
    </div>
  );
}

/** 532 byte, 48 kB, 2,4 MB: as a person reads a file's size. */
export function formatSize(bytes: number, lang: Language, t: ReturnType<typeof useT>["t"]): string {
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return t("documents.bytes", { size: number(bytes, 0) });
  if (bytes < 1024 * 1024) {
    const kb = bytes / 1024;
    return t("documents.kilobytes", { size: number(kb, kb < 10 ? 1 : 0) });
  }
  return t("documents.megabytes", { size: number(bytes / (1024 * 1024), 1) });
}

function DocumentRecord({ caseId, doc }: { caseId: string; doc: CaseDocument }) {
  const { t, lang } = useT();
  const api = useApi();
  const elementId = documentElementId(doc.id);
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h4 id={`${elementId}-title`}>{doc.filename}</h4>
      <dl className="details">
        <div>
          <dt>{t("documents.kind")}</dt>
          <dd>{t(kindLabels[doc.kind])}</dd>
        </div>
        <div>
          <dt>{t("documents.size")}</dt>
          <dd>{formatSize(doc.sizeBytes, lang, t)}</dd>
        </div>
        <div>
          <dt>{t("documents.uploadedBy")}</dt>
          <dd>
            {t("documents.byAt", {
              name: doc.uploadedBy,
              time: formatDateTimeShort(doc.uploadedAt, lang),
            })}
          </dd>
        </div>
      </dl>
      {doc.destroyed ? (
        <div className="notice">
          <p>
            <strong>
              {t("documents.destroyed", {
                date: formatDate(doc.destroyed.at, lang),
                name: doc.destroyed.by,
                reason: doc.destroyed.reason,
              })}
            </strong>
          </p>
          <p className="field__hint">
            {doc.destroyed.keyDestroyedAt
              ? t("documents.keyDestroyed", {
                  time: formatDateTimeShort(doc.destroyed.keyDestroyedAt, lang),
                })
              : t("documents.destroyedNote")}
          </p>
          <p className="field__hint">{t("documents.checksum", { sha256: doc.sha256 })}</p>
        </div>
      ) : (
        <p>
          <a href={api.documentContentUrl(caseId, doc.id)} download={doc.filename}>
            {t("documents.download", { name: doc.filename })}
          </a>
        </p>
      )}
    </article>
  );
}

interface UploadProps {
  caseId: string;
  beforeSubmit: () => void;
  onStale: () => void;
  onUploaded: (list: CaseDocument[], name: string) => void;
}

/** The upload command: the chosen file, the checks that spare a pointless upload, the send. */
function useUpload({ caseId, beforeSubmit, onStale, onUploaded }: UploadProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["file"]);
  const [file, setFile] = useState<File | null>(null);
  // A file input cannot be emptied by value: a new key draws an empty one.
  const [inputKey, setInputKey] = useState(0);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    // The server reads the file's first bytes; these checks only spare a pointless upload
    // (and a type it would not even take as a body).
    if (!file) return rejectWith(submit, { file: "documents.errorNoFile" }, t);
    if (!(documentMediaTypes as readonly string[]).includes(file.type))
      return rejectWith(submit, { file: "documents.errorFileType" }, t);
    if (file.size > maxBytes) return rejectWith(submit, { file: "documents.errorFileSize" }, t);
    await submit.run(async () => {
      try {
        const list = (await api.uploadDocument(caseId, "partner_contact_consent", file)).documents;
        setFile(null);
        setInputKey((k) => k + 1);
        // The server names the file (newest first): that is the name the list shows.
        onUploaded(list, list[0]?.filename ?? file.name);
      } catch (error) {
        // The treatment ended meanwhile: show what is there now, and the server's message.
        if (error instanceof ApiError && error.status === 409) onStale();
        throw error;
      }
    });
  }

  return { submit, inputKey, setFile, handleSubmit };
}

function UploadForm(props: UploadProps) {
  const { t } = useT();
  const { submit, inputKey, setFile, handleSubmit } = useUpload(props);

  return (
    <div className="subsection">
      <h3 id={uploadTitleId}>{t("documents.uploadTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={uploadTitleId} onSubmit={handleSubmit} noValidate>
        <TextField
          key={inputKey}
          label={t("documents.file")}
          hint={t("documents.fileHint")}
          name="file"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={submit.fieldError("file")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("documents.submit")}
        </button>
      </form>
    </div>
  );
}
