import { type ChangeEvent, type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import type { Api, InstrumentSummary } from "../../api/endpoints";
import { isAdministrator } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { instrumentKindLabel } from "../../i18n/labels";
import type { Translate } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";

/**
 * The organisation's assessment instruments (latest version of each): export a definition
 * as JSON, and import one (e.g. an official instrument the organisation is licensed for).
 * The same import exists as a command: npm run instruments:import -- file.json.
 */
export function AdminInstrumentsPage() {
  const { t } = useT();
  const me = useMe();
  if (!isAdministrator(me.roles)) {
    return (
      <Page title={t("instrumentsAdmin.title")}>
        <p>{t("admin.forbidden")}</p>
      </Page>
    );
  }
  return <AdminInstruments />;
}

function AdminInstruments() {
  const { t } = useT();
  const api = useApi();
  const instruments = useQuery(
    ["admin", "instruments"],
    async (signal) => (await api.allInstruments(signal)).instruments,
  );
  const [status, setStatus] = useState<string | null>(null);

  return (
    <Page title={t("instrumentsAdmin.title")}>
      <p>
        <Link to="/admin">{t("instrumentsAdmin.back")}</Link>
      </p>
      <p>{t("instrumentsAdmin.intro")}</p>
      <section className="section" aria-labelledby="instruments-title">
        <h2 id="instruments-title">{t("instrumentsAdmin.listTitle")}</h2>
        {instruments.state.status === "loading" && <Loading />}
        {instruments.state.status === "error" && <QueryError error={instruments.state.error} />}
        {instruments.state.status === "ready" &&
          (instruments.state.data.length === 0 ? (
            <p className="empty">{t("instrumentsAdmin.none")}</p>
          ) : (
            <InstrumentTable instruments={instruments.state.data} />
          ))}
        <StatusMessage message={status} />
        <ImportForm
          beforeImport={() => setStatus(null)}
          onImported={(message, list) => {
            setStatus(message);
            instruments.setData(list);
          }}
        />
      </section>
    </Page>
  );
}

function InstrumentTable({ instruments }: { instruments: readonly InstrumentSummary[] }) {
  const { t } = useT();
  const api = useApi();
  const exporting = useSubmit();

  async function exportJson(instrument: InstrumentSummary) {
    await exporting.run(async () => {
      const definition = await api.instrumentVersion(instrument.id, instrument.version);
      download(
        `${instrument.id}-v${instrument.version}.json`,
        `${JSON.stringify(definition, null, 2)}\n`,
      );
    });
  }

  return (
    <>
      <ErrorSummary errors={exporting.errors} />
      <div className="table-scroll">
        <table className="table">
          <caption>{t("instrumentsAdmin.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("instrumentsAdmin.name")}</th>
              <th scope="col">{t("instrumentsAdmin.id")}</th>
              <th scope="col">{t("instrumentsAdmin.version")}</th>
              <th scope="col">{t("instrumentsAdmin.kind")}</th>
              <th scope="col">{t("instrumentsAdmin.sourceNote")}</th>
              <th scope="col">{t("instrumentsAdmin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {instruments.map((instrument) => (
              <tr key={instrument.id}>
                <th scope="row">{instrument.name}</th>
                <td>
                  <code>{instrument.id}</code>
                </td>
                <td>{instrument.version}</td>
                <td>{instrumentKindLabel(instrument.kind, t)}</td>
                <td className="table__text">{instrument.sourceNote}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("instrumentsAdmin.exportLabel", { name: instrument.name })}
                    disabled={exporting.pending}
                    onClick={() => exportJson(instrument)}
                  >
                    {t("instrumentsAdmin.export")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Saves text as a file: a temporary link to a blob URL (allowed by the CSP, which governs
 * what the page loads, not what it downloads), revoked once the browser has taken the file.
 */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ImportForm({
  beforeImport,
  onImported,
}: {
  beforeImport: () => void;
  onImported: (message: string, instruments: InstrumentSummary[]) => void;
}) {
  const { t } = useT();
  const api = useApi();
  // No field names: the server's messages are about fields in the definition, not the form.
  const submit = useSubmit();
  const [file, setFile] = useState<File | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    beforeImport();
    if (!file) return rejectWith(submit, { file: "instrumentsAdmin.noFile" }, t);
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch {
      return rejectWith(submit, { file: "instrumentsAdmin.notJson" }, t);
    }
    const ok = await submit.run(async () => {
      const { message, instruments } = await sendDefinition(api, definition, t);
      onImported(message, instruments);
    });
    if (ok) {
      form.reset();
      setFile(null);
    }
  }

  return (
    <div className="subsection">
      <h3 id="import-instrument-title">{t("instrumentsAdmin.importTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form"
        aria-labelledby="import-instrument-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <DefinitionFileField onChange={setFile} error={submit.fieldError("file")} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("instrumentsAdmin.importSubmit")}
        </button>
      </form>
    </div>
  );
}

function DefinitionFileField({
  onChange,
  error,
}: {
  onChange: (file: File | null) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <TextField
      label={t("instrumentsAdmin.file")}
      hint={t("instrumentsAdmin.fileHint")}
      name="file"
      type="file"
      accept=".json,application/json"
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.files?.[0] ?? null)}
      error={error}
    />
  );
}

/**
 * Imports the definition: the news says whether it was new or already there; a refusal is
 * explained with where in the definition the problem is.
 */
async function sendDefinition(api: Api, definition: unknown, t: Translate) {
  const { id, version, name } = identify(definition);
  try {
    const list = await api.importInstrument(definition);
    const existed = list.outcome === "already_there";
    const message = t(existed ? "instrumentsAdmin.alreadyThere" : "instrumentsAdmin.imported", {
      name: name ?? id ?? "",
      version: version ?? "",
    });
    return { message, instruments: list.instruments };
  } catch (error) {
    throw explained(error, id, version, t);
  }
}

/** The id, version and name the file claims, for messages (the server checks them). */
function identify(definition: unknown) {
  const d =
    typeof definition === "object" && definition !== null
      ? (definition as Record<string, unknown>)
      : {};
  return {
    id: typeof d.id === "string" && /^[a-z][a-z0-9_]*$/.test(d.id) ? d.id : null,
    version:
      typeof d.version === "number" && Number.isSafeInteger(d.version) && d.version >= 1
        ? d.version
        : null,
    name: typeof d.name === "string" ? d.name : null,
  };
}

/**
 * The server's answer made readable for the person who wrote the definition: each problem
 * with where in the definition it is (e.g. "sections.0.items.2.label: …"), and a taken
 * version explained in the UI's language.
 */
function explained(error: unknown, id: string | null, version: number | null, t: Translate) {
  if (!(error instanceof ApiError) || !error.fromServer) return error;
  if (error.status === 400) {
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(error.fields)) {
      fields[path] = path === "body" ? message : t("instrumentsAdmin.issue", { path, message });
    }
    return new ApiError(400, error.code, error.message, fields, error.requestId, true);
  }
  if (error.status === 409 && id !== null && version !== null) {
    const message = t("instrumentsAdmin.conflict", { id, version });
    return new ApiError(409, "version_taken", message, {}, error.requestId, true);
  }
  return error;
}
