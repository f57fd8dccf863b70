import { type FormEvent, useState } from "react";
import type { RoutineRegister } from "../../api/endpoints";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { areaKey } from "./routine-model";

/**
 * Öppna jämförelser: Socialstyrelsen's routine questions answered by Frid on a day, each yes
 * with the routine(s) behind it, each no with what is missing (in the server's words).
 */
export function OpenComparisons({
  register,
  onDate,
}: {
  register: RoutineRegister;
  onDate: (day: string) => void;
}) {
  const { t, lang } = useT();
  const [day, setDay] = useState(register.onDate);
  const show = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) onDate(day);
  };
  return (
    <section className="section" aria-labelledby="open-comparisons-title">
      <h2 id="open-comparisons-title">{t("openComparisons.title")}</h2>
      <p>{t("openComparisons.intro")}</p>
      <form className="form form--inline" onSubmit={show} noValidate>
        <DateField
          label={t("openComparisons.onDate")}
          name="onDate"
          value={day}
          onChange={setDay}
        />
        <button type="submit" className="button button--secondary">
          {t("openComparisons.show")}
        </button>
      </form>
      <table className="table table--cards">
        <caption className="visually-hidden">
          {t("openComparisons.title")} {formatDay(register.onDate, lang)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("openComparisons.question")}</th>
            <th scope="col">{t("openComparisons.answer")}</th>
            <th scope="col">{t("openComparisons.basis")}</th>
          </tr>
        </thead>
        <tbody>
          {register.answers.map((a) => (
            <tr key={a.area}>
              <th scope="row">
                {t(areaKey(a.area))}
                <br />
                <small>{a.question}</small>
              </th>
              <td data-label={t("openComparisons.answer")}>
                <strong className={a.answer === "yes" ? "badge" : "badge badge--overdue"}>
                  {a.answer === "yes" ? t("openComparisons.yes") : t("openComparisons.no")}
                </strong>
              </td>
              <td data-label={t("openComparisons.basis")}>
                <ul className="plain-list">
                  {a.routines.map((r) => (
                    <li key={r.id}>
                      {t("openComparisons.behindYes", {
                        title: r.title,
                        date: formatDay(r.reviewOn, lang),
                      })}
                    </li>
                  ))}
                  {a.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
