import { type FormEvent, useState } from "react";
import { type LogReviewSettings, manyPersonsPerDayBounds } from "../../../shared/api/log-review";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";

const { min, max } = manyPersonsPerDayBounds;

/**
 * The threshold of "many persons the same day" (issue 19, item 7), under the anomaly list:
 * what it does, its bounds, who set it last. Saved, the list is read again with it.
 */
export function ThresholdSettings({ onSaved }: { onSaved: () => void }) {
  const api = useApi();
  const settings = useQuery(
    ["audit", "settings"],
    (signal) => api.logReviewSettings(signal),
    // A colleague may have changed it: read afresh each time the tab is shown.
    { keep: false },
  );
  const { state } = settings;
  if (state.status === "error") return <QueryError error={state.error} />;
  if (state.status !== "ready") return <Loading />;
  return (
    // Not keyed by the data: read again after a save, the form keeps its message and focus.
    <ThresholdForm
      current={state.data}
      onSaved={() => {
        settings.reload();
        onSaved();
      }}
    />
  );
}

function ThresholdForm({ current, onSaved }: { current: LogReviewSettings; onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["manyPersonsPerDay"]);
  const [value, setValue] = useState(String(current.manyPersonsPerDay));
  const [status, setStatus] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const n = Number(value);
    if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max)
      return submit.reject({ manyPersonsPerDay: t("threshold.bounds", { min, max }) });
    const ok = await submit.run(async () => {
      await api.saveLogReviewSettings({ manyPersonsPerDay: n });
    });
    if (ok) {
      setStatus(t("threshold.saved", { count: n }));
      onSaved();
    }
  }

  return (
    <section className="section" aria-labelledby="threshold-title">
      <h3 id="threshold-title">{t("threshold.title")}</h3>
      <ErrorSummary errors={submit.errors} />
      <StatusMessage message={status} />
      <form
        className="form form--inline"
        aria-labelledby="threshold-title"
        onSubmit={save}
        noValidate
      >
        <TextField
          label={t("threshold.label")}
          hint={t("threshold.hint", { min, max, standard: manyPersonsPerDayBounds.default })}
          name="manyPersonsPerDay"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={submit.fieldError("manyPersonsPerDay")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("threshold.save")}
        </button>
      </form>
      <LastChange current={current} />
    </section>
  );
}

/** Who set the threshold last, and when; or that the default applies. */
function LastChange({ current }: { current: LogReviewSettings }) {
  const { t, lang } = useT();
  return (
    <p className="result-list__meta">
      {current.updatedAt
        ? t("threshold.setBy", {
            who: current.updatedBy ?? "–",
            when: formatDateTime(current.updatedAt, lang),
          })
        : t("threshold.isDefault")}
    </p>
  );
}
