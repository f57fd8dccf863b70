import { type FormEvent, useEffect, useState } from "react";
import type { Vacancy, VacancyFilters } from "../../api/endpoints";
import { seesPlaces } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextField } from "../../ui/Field";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";

/*
 * Lediga platser: today's occupancy per open place, counts only, and whether each takes the
 * household asked for. Read again every 30 seconds and on focus, so a hold made by someone
 * else shows at once.
 */
const refreshMs = 30_000;
const counts = ["women", "men", "nonBinary", "children"] as const;
const flags = ["pets", "substanceUse", "wheelchair"] as const;

export function VacanciesPage() {
  const { t } = useT();
  if (!seesPlaces(useMe().roles))
    return (
      <Page title={t("vacancies.title")}>
        <p>{t("places.forbidden")}</p>
      </Page>
    );
  return <Vacancies />;
}

function Vacancies() {
  const { t } = useT();
  const api = useApi();
  const [filters, setFilters] = useState<VacancyFilters>({});
  const [draft, setDraft] = useState<Record<string, string | boolean>>({});
  const query = useQuery(["vacancies", filters], (signal) => api.vacancies(filters, signal));
  const { reload } = query;
  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string | boolean> = {};
    for (const [key, value] of Object.entries(draft))
      if (value !== "" && value !== false) next[key] = value;
    setFilters(next as VacancyFilters);
  }
  const set = (key: string, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Page title={t("vacancies.title")}>
      <p>{t("vacancies.intro")}</p>
      <form className="vacancy-filters" onSubmit={submit} aria-label={t("vacancies.filters")}>
        <fieldset>
          <legend>{t("vacancies.filters")}</legend>
          {counts.map((key) => (
            <TextField
              key={key}
              label={t(`vacancies.${key}` as PlainMessageKey)}
              inputMode="numeric"
              name={key}
              value={String(draft[key] ?? "")}
              onChange={(e) => set(key, e.target.value)}
            />
          ))}
          <TextField
            label={t("vacancies.boysAges")}
            hint={t("vacancies.boysAgesHint")}
            name="boysAges"
            value={String(draft.boysAges ?? "")}
            onChange={(e) => set("boysAges", e.target.value)}
          />
          {flags.map((key) => (
            <CheckboxField
              key={key}
              label={t(`vacancies.${key}` as PlainMessageKey)}
              name={key}
              checked={draft[key] === true}
              onChange={(e) => set(key, e.target.checked)}
            />
          ))}
          <TextField
            label={t("vacancies.language")}
            name="language"
            value={String(draft.language ?? "")}
            onChange={(e) => set("language", e.target.value)}
          />
        </fieldset>
        <button type="submit" className="button">
          {t("vacancies.search")}
        </button>
      </form>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {query.state.status === "ready" && <Board vacancies={query.state.data.vacancies} />}
    </Page>
  );
}

export function Board({ vacancies }: { vacancies: Vacancy[] }) {
  const { t } = useT();
  if (vacancies.length === 0) return <p>{t("vacancies.empty")}</p>;
  return (
    <table className="table table--cards" aria-live="polite">
      <thead>
        <tr>
          <th scope="col">{t("places.name")}</th>
          <th scope="col">{t("vacancies.status")}</th>
          <th scope="col">{t("vacancies.occupied")}</th>
          <th scope="col">{t("vacancies.held")}</th>
          <th scope="col">{t("vacancies.takes")}</th>
        </tr>
      </thead>
      <tbody>
        {vacancies.map((v) => (
          <tr key={v.placeId} className={v.full ? "vacancy vacancy--full" : "vacancy"}>
            <th scope="row" data-label={t("places.name")}>
              {v.name}
              <br />
              <small>
                {t(`places.kind.${v.kind}` as PlainMessageKey)} · {v.operatorName}
              </small>
              {v.ivoWarning && (
                <small className="warning">
                  {" "}
                  {t(v.ivoWarning === "expired" ? "places.ivoExpired" : "places.ivoSoon")}
                </small>
              )}
            </th>
            <td data-label={t("vacancies.status")}>
              <strong>
                {v.full
                  ? t(v.isHeld ? "vacancies.statusHeld" : "vacancies.statusFull")
                  : t("vacancies.statusFree", { free: v.free })}
              </strong>
              {!v.full && v.isHeld && ` · ${t("vacancies.statusHeld")}`}
            </td>
            <td data-label={t("vacancies.occupied")}>{`${v.occupied} / ${v.places}`}</td>
            <td data-label={t("vacancies.held")}>{v.held}</td>
            <td data-label={t("vacancies.takes")}>
              {v.takesHousehold
                ? t("vacancies.takesYes")
                : t("vacancies.takesNo", {
                    reasons: v.mismatches
                      .map((m) => t(`vacancies.miss.${m}` as PlainMessageKey))
                      .join(", "),
                  })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
