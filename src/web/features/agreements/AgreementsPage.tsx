import { Link, useNavigate } from "react-router";
import type { AgreementList } from "../../api/endpoints";
import { seesDirectory } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { AgreementForm } from "./AgreementForm";
import { Assignments } from "./Assignments";
import { areaKey } from "./agreement-model";

/*
 * Samverkansöverenskommelser: the agreements with their next follow-up (an overdue one said in
 * words), "Ny överenskommelse" for the managers of a unit, and the committee's assignments to
 * voluntary organisations on the same page.
 */
export function AgreementsPage() {
  const { t } = useT();
  if (!seesDirectory(useMe().roles))
    return (
      <Page title={t("agreements.title")}>
        <p>{t("agreements.forbidden")}</p>
      </Page>
    );
  return <Agreements />;
}

function Agreements() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const query = useQuery(["agreements"], (signal) => api.agreements(signal));
  const data = query.state.status === "ready" ? query.state.data : null;
  return (
    <Page title={t("agreements.title")}>
      <p>{t("agreements.intro")}</p>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {data && data.managedUnits.length > 0 && (
        <OnDemand label={t("agreementForm.title")}>
          <AgreementForm
            units={data.managedUnits}
            onSaved={(agreement) => void navigate(`/agreements/${agreement.id}`)}
          />
        </OnDemand>
      )}
      {data &&
        (data.agreements.length === 0 ? (
          <p>{t("agreements.empty")}</p>
        ) : (
          <AgreementTable agreements={data.agreements} />
        ))}
      {data && (
        <Assignments
          assignments={data.assignments}
          units={data.managedUnits}
          onSaved={() => query.reload()}
        />
      )}
    </Page>
  );
}

function AgreementTable({ agreements }: { agreements: AgreementList["agreements"] }) {
  const { t, lang } = useT();
  return (
    <table className="table table--cards">
      <thead>
        <tr>
          <th scope="col">{t("agreements.name")}</th>
          <th scope="col">{t("agreements.parties")}</th>
          <th scope="col">{t("agreements.signedOn")}</th>
          <th scope="col">{t("agreements.nextFollowUp")}</th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link to={`/agreements/${a.id}`}>{a.title}</Link>
              <br />
              <small>
                {a.unit.name} · {a.areas.map((area) => t(areaKey(area))).join(", ")}
              </small>
            </th>
            <td data-label={t("agreements.parties")}>{a.parties.map((p) => p.name).join(", ")}</td>
            <td data-label={t("agreements.signedOn")}>{formatDay(a.signedOn, lang)}</td>
            <td data-label={t("agreements.nextFollowUp")}>
              {a.endedOn ? (
                t("agreements.ended", { date: formatDay(a.endedOn, lang) })
              ) : (
                <>
                  {formatDay(a.nextFollowUpOn, lang)}
                  {a.followUpOverdue && (
                    <>
                      {" "}
                      <strong className="badge badge--overdue">{t("agreements.overdue")}</strong>
                    </>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
