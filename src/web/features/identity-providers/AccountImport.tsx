import { type ChangeEvent, type FormEvent, useState } from "react";
import type { ImportChange, ImportOutcome } from "../../../shared/api/account-import";
import { importColumns } from "../../../shared/api/account-import";
import type { ImportResult } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";

const outcomeLabels: Record<ImportOutcome, PlainMessageKey> = {
  create: "accountImport.outcome.create",
  update: "accountImport.outcome.update",
  unchanged: "accountImport.outcome.unchanged",
  error: "accountImport.outcome.error",
};
const changeLabels: Record<ImportChange, PlainMessageKey> = {
  name: "accountImport.change.name",
  roles: "accountImport.change.roles",
  hsa_id: "identifierKind.hsa_id",
  email: "identifierKind.email",
  personal_identity_number: "identifierKind.personal_identity_number",
};

/**
 * Importing accounts from a CSV file (on the administrator's users section): a dry run
 * first, its answer per row in a table, then the same file applied — all of it or nothing.
 */
export function AccountImport({ onImported }: { onImported: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["file"]);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportResult | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function tryFile(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    setDryRun(null);
    if (!file) return rejectWith(submit, { file: "accountImport.noFile" }, t);
    await submit.run(async () => setDryRun(await api.importAccounts(file, false)));
  }

  async function apply() {
    if (!file) return;
    setStatus(null);
    const ok = await submit.run(async () => {
      const result = await api.importAccounts(file, true);
      setDryRun(null);
      setStatus(t("accountImport.applied", { ...result.counts }));
      onImported();
    });
    if (!ok) setDryRun(null);
  }

  return (
    <section className="section" aria-labelledby="account-import-title">
      <h2 id="account-import-title">{t("accountImport.title")}</h2>
      <p>{t("accountImport.intro")}</p>
      <p>
        {t("accountImport.headerIntro")} <code>{importColumns.join(",")}</code>
      </p>
      <p className="field__hint">{t("accountImport.columnsHint")}</p>
      <StatusMessage message={status} />
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby="account-import-title" onSubmit={tryFile} noValidate>
        <TextField
          label={t("accountImport.file")}
          hint={t("accountImport.fileHint")}
          name="file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            setDryRun(null);
            setFile(e.target.files?.[0] ?? null);
          }}
          error={submit.fieldError("file")}
        />
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("accountImport.dryRun")}
        </button>
      </form>
      {dryRun && <DryRunAnswer result={dryRun} pending={submit.pending} onApply={apply} />}
    </section>
  );
}

/** The dry run's table and what can be done next: apply, or correct the file first. */
function DryRunAnswer({
  result,
  pending,
  onApply,
}: {
  result: ImportResult;
  pending: boolean;
  onApply: () => void;
}) {
  const { t } = useT();
  const { counts } = result;
  const writes = counts.create + counts.update;
  const next =
    counts.error > 0
      ? t("accountImport.fixFirst", { count: counts.error })
      : writes > 0
        ? t("accountImport.readyToApply", { count: writes })
        : t("accountImport.nothingToDo");
  return (
    <>
      <DryRunTable result={result} />
      <p>{next}</p>
      {counts.error === 0 && writes > 0 && (
        <button type="button" className="button" disabled={pending} onClick={onApply}>
          {t("accountImport.apply")}
        </button>
      )}
    </>
  );
}

function DryRunTable({ result }: { result: ImportResult }) {
  const { t } = useT();
  const { counts } = result;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("accountImport.caption", { ...counts })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("accountImport.line")}</th>
            <th scope="col">{t("admin.username")}</th>
            <th scope="col">{t("admin.displayName")}</th>
            <th scope="col">{t("accountImport.outcome")}</th>
            <th scope="col">{t("accountImport.details")}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.line}>
              <th scope="row">{row.line}</th>
              <td className="break-anywhere">{row.username ?? "–"}</td>
              <td>{row.name ?? "–"}</td>
              <td>
                {row.outcome === "error" ? (
                  <strong>{t(outcomeLabels.error)}</strong>
                ) : (
                  t(outcomeLabels[row.outcome])
                )}
              </td>
              <td>
                {row.outcome === "error" ? (
                  <ul className="plain-list">
                    {row.errors.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                ) : (
                  row.changes.map((c) => t(changeLabels[c])).join(", ")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
