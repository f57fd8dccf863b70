import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { regionAgencyKinds } from "../../../shared/api/coordinated-plans";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import type { CoordinatedPlanChoices } from "./api";

/*
 * SIP in the case's Samverkan section: the case's plans, each a link to its page, and the
 * form that opens a new one on her consent to share with the region's service.
 */

const titleId = "sip-title";

export function CoordinatedPlansPanel({ record }: { record: CaseView }) {
  const { t, lang } = useT();
  const api = useApi();
  const plans = useQuery(["case", record.id, "coordinated-plans"], (signal) =>
    api.coordinatedPlans(record.id, signal),
  );
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("sip.title")}</h2>
      <Loaded state={plans.state}>
        {({ plans: list }) =>
          list.length === 0 ? (
            <p className="empty">{t("sip.empty")}</p>
          ) : (
            <ul className="record-list" aria-label={t("sip.listCaption")}>
              {list.map((plan) => (
                <li key={plan.id} className="record-list__item">
                  <Link to={`/cases/${record.id}/coordinated-plans/${plan.id}`}>
                    {t("sip.show", { date: formatDay(plan.openedOn, lang) })}
                  </Link>
                  <p>{plan.agencies.map((a) => a.name).join(", ")}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {record.abilities.change && <OpenPlan caseId={record.id} />}
    </section>
  );
}

/** Her valid consents to share with one of the region's services: what a SIP may open on. */
function regionConsents(choices: CoordinatedPlanChoices) {
  return choices.consents.filter(
    (c) => c.valid && (regionAgencyKinds as readonly string[]).includes(c.agencyKind),
  );
}

/** "Upprätta SIP" when she has a consent to open it on; else a line that says what is missing. */
function OpenPlan({ caseId }: { caseId: string }) {
  const { t } = useT();
  const api = useApi();
  const options = useQuery(["case", caseId, "coordinated-plans", "options"], (signal) =>
    api.coordinatedPlanOptions(caseId, signal),
  );
  return (
    <Loaded state={options.state}>
      {(choices) => {
        const consents = regionConsents(choices);
        if (consents.length === 0) return <p>{t("sip.noConsent")}</p>;
        return (
          <OnDemand label={t("sip.openTitle")}>
            <OpenPlanForm caseId={caseId} consents={consents} />
          </OnDemand>
        );
      }}
    </Loaded>
  );
}

function OpenPlanForm({
  caseId,
  consents,
}: {
  caseId: string;
  consents: ReturnType<typeof regionConsents>;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(["consentId", "agencyId"]);
  const [consentId, setConsentId] = useState("");
  const open = async () => {
    const chosen = consents.find((c) => c.id === consentId);
    if (!chosen) return submit.reject({ consentId: t("sip.chooseConsent") });
    await submit.run(async () => {
      const plan = await api.openCoordinatedPlan(caseId, {
        agencyId: chosen.agencyId,
        consentId: chosen.id,
      });
      navigate(`/cases/${caseId}/coordinated-plans/${plan.id}`);
    });
  };
  return (
    <form
      noValidate
      aria-labelledby="sip-open-title"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <h3 id="sip-open-title">{t("sip.openTitle")}</h3>
      <p>{t("sip.openIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("sip.consent")}
        value={consentId}
        onChange={(e) => setConsentId(e.target.value)}
        error={submit.fieldError("consentId")}
      >
        <option value="">{t("common.choose")}</option>
        {consents.map((c) => (
          <option key={c.id} value={c.id}>
            {t("sip.consentOption", {
              agency: c.agencyName,
              date: formatDay(c.givenOn, lang),
            })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={submit.pending}>
        {t("sip.open")}
      </button>
    </form>
  );
}
