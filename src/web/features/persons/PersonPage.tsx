import { type FormEvent, lazy, Suspense, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { openableCaseTypes } from "../../../shared/api/cases";
import type { CaseType, PersonDetail } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { caseUnits } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDate } from "../../i18n/dates";
import {
  caseStatusLabel,
  caseTypeLabel,
  caseTypeLabels,
  identityKindLabels,
  protectionLevelLabels,
  sexLabels,
} from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { PersonConsents } from "../consents/PersonConsents";
import { PersonDisclosures } from "../disclosures/PersonDisclosures";
import { IntakeForm } from "../intake/Intake";
import { PersonIntakes } from "../intake/IntakeList";
import { IncomingReferralSection } from "../referrals/IncomingReferral";
import { PersonServiceCourses } from "../service-contacts/PersonServiceCourses";
import { PersonStays } from "../stays/PersonStays";
import { PersonContact } from "./PersonContact";
import { personName } from "./PersonSearch";

// The chart library travels only with the chart: loaded when a person with cases is shown.
const OutcomeMeasures = lazy(() =>
  import("../outcomes/OutcomeMeasures").then((module) => ({ default: module.OutcomeMeasures })),
);
const RiskHistory = lazy(() =>
  import("../assessments/RiskHistory").then((module) => ({ default: module.RiskHistory })),
);

export function PersonPage() {
  const { t } = useT();
  const api = useApi();
  const { personId = "" } = useParams();
  const person = useQuery(["person", personId], (signal) => api.person(personId, signal));
  const { state } = person;

  if (state.status === "loading") {
    return (
      <Page title={t("person.title")}>
        <Loading />
      </Page>
    );
  }
  if (state.status === "error") {
    return (
      <Page title={t("person.title")}>
        {/* Missing and not allowed look the same, on purpose. */}
        {isNotFound(state.error) ? (
          <p>{t("person.notFound")}</p>
        ) : (
          <QueryError error={state.error} />
        )}
      </Page>
    );
  }
  return <PersonDetails person={state.data} onChange={person.setData} />;
}

function PersonDetails({
  person,
  onChange,
}: {
  person: PersonDetail;
  onChange: (person: PersonDetail) => void;
}) {
  const { t } = useT();
  return (
    <Page title={personName(person)} documentTitle={t("person.title")}>
      <ProtectionNote person={person} />
      <PersonFacts person={person} />

      <PersonContact person={person} onChange={onChange} />

      <PersonCases person={person} />

      <PersonIntakes personId={person.id} />

      <PersonStays personId={person.id} />

      <PersonServiceCourses personId={person.id} />

      {person.cases.length > 0 && <PersonConsents personId={person.id} />}

      {person.cases.length > 0 && <PersonDisclosures personId={person.id} />}

      {person.cases.length > 0 && (
        <Suspense fallback={<Loading />}>
          <RiskHistory personId={person.id} />
        </Suspense>
      )}

      {person.cases.length > 0 && (
        <Suspense fallback={<Loading />}>
          <OutcomeMeasures personId={person.id} />
        </Suspense>
      )}

      <WaysIn person={person} />

      <IntakeSection personId={person.id} />

      <IncomingReferralSection personId={person.id} />

      <section className="section" aria-labelledby="open-case-title">
        <h2 id="open-case-title">{t("person.openCaseTitle")}</h2>
        <OpenCaseForm personId={person.id} />
      </section>
    </Page>
  );
}

/**
 * First on the page: a protected identity's badge, or (no protection level known to the
 * caller) that the person is shown as the caller typed them in.
 */
function ProtectionNote({ person }: { person: PersonDetail }) {
  const { t } = useT();
  if (person.protectionLevel === null) return <p>{t("person.asTyped")}</p>;
  if (person.protectionLevel === "none") return null;
  return (
    <p className="person-protection">
      <span className="badge badge--protection">
        {t("person.protectionBadge", {
          level: t(protectionLevelLabels[person.protectionLevel]),
        })}
      </span>
    </p>
  );
}

function PersonFacts({ person }: { person: PersonDetail }) {
  const { t, lang } = useT();
  return (
    <section className="section" aria-labelledby="person-details-title">
      <h2 id="person-details-title">{t("person.detailsTitle")}</h2>
      <dl className="details">
        <div>
          <dt>{t("person.name")}</dt>
          <dd>{personName(person)}</dd>
        </div>
        {person.identityNumber === null ? (
          <div>
            <dt>{t("person.identity")}</dt>
            <dd>{t("common.unknownIdentity")}</dd>
          </div>
        ) : (
          <div>
            <dt>{t(identityKindLabels[person.identityKind])}</dt>
            {/* The term names the kind (e.g. Reservnummer); the number is shown as issued. */}
            <dd>{person.identityNumber}</dd>
          </div>
        )}
        {person.birthDate && (
          <div>
            <dt>{t("person.birthDate")}</dt>
            <dd>{formatDate(person.birthDate, lang, "UTC")}</dd>
          </div>
        )}
        <div>
          <dt>{t("person.sex")}</dt>
          <dd>{t(sexLabels[person.sex])}</dd>
        </div>
        {person.protectionLevel !== null && person.protectionLevel !== "none" && (
          <div>
            <dt>{t("person.protectionLevelField")}</dt>
            <dd>
              <strong>{t(protectionLevelLabels[person.protectionLevel])}</strong>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function PersonCases({ person }: { person: PersonDetail }) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="person-cases-title">
      <h2 id="person-cases-title">{t("person.casesTitle")}</h2>
      {person.cases.length === 0 ? (
        <p className="empty">{t("person.noCases")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t("person.casesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.reference")}</th>
                <th scope="col">{t("cases.unit")}</th>
                <th scope="col">{t("cases.type")}</th>
                <th scope="col">{t("cases.status")}</th>
                <th scope="col">{t("person.safetyPlanColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {person.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                  </th>
                  <td>{c.unitName}</td>
                  <td>{caseTypeLabel(c.caseType, t)}</td>
                  <td>{caseStatusLabel(c.status, t, c.caseType)}</td>
                  <td>
                    <Link to={`/cases/${c.id}/safety-plan`}>{t("person.safetyPlanLink")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Which of the two ways in to take, said before both forms: something new is an intake (it is
 * assessed, and may lead to a case), a case opens directly only once an investigation is
 * decided, and work on an open case goes on in that case. Only for those who may use them.
 */
function WaysIn({ person }: { person: PersonDetail }) {
  const { t } = useT();
  const me = useMe();
  if (caseUnits(me.roles).length === 0) return null;
  const open = person.cases.some((c) => c.status !== "closed");
  return (
    <p>
      {t("person.waysIn")}
      {open && ` ${t("person.waysInOpenCase")}`}
    </p>
  );
}

/** A new intake (aktualisering) for the person, in one of the caller's units. */
function IntakeSection({ personId }: { personId: string }) {
  const { t } = useT();
  const me = useMe();
  const units = caseUnits(me.roles);
  return (
    <section className="section" aria-labelledby="intake-new-title">
      {units.length === 0 ? (
        <>
          <h2 id="intake-new-title">{t("intake.title")}</h2>
          <p>{t("intake.noUnits")}</p>
        </>
      ) : (
        <IntakeForm personId={personId} units={units} />
      )}
    </section>
  );
}

/** A partner-contact case opens only through his consent in his treatment case (behind a barrier). */
function OpenCaseForm({ personId }: { personId: string }) {
  const { t } = useT();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const units = caseUnits(me.roles);
  const submit = useSubmit(["unitId", "caseType"]);
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const [caseType, setCaseType] = useState<CaseType>("adult_victim");

  if (units.length === 0) return <p>{t("person.noCaseUnits")}</p>;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const opened = await api.openCase(personId, unitId, caseType);
      navigate(`/cases/${opened.id}`);
    });
  }

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby="open-case-title" onSubmit={handleSubmit} noValidate>
        <SelectField
          label={t("person.openCaseUnit")}
          name="unitId"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          error={submit.fieldError("unitId")}
        >
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("person.openCaseType")}
          name="caseType"
          value={caseType}
          onChange={(e) => setCaseType(e.target.value as CaseType)}
          error={submit.fieldError("caseType")}
        >
          {openableCaseTypes.map((type) => (
            <option key={type} value={type}>
              {t(caseTypeLabels[type])}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={submit.pending}>
          {t("person.openCaseSubmit")}
        </button>
      </form>
    </>
  );
}
