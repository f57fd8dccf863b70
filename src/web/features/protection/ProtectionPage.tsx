import { type FormEvent, useState } from "react";
import type { revealReasonCodes } from "../../../shared/api/protection";
import type { ProtectedPersonList } from "../../api/endpoints";
import { hasRole } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { protectionLevelLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { Loaded } from "../../ui/QueryError";

type Person = ProtectedPersonList["persons"][number];
const reasonLabels: Readonly<Record<(typeof revealReasonCodes)[number], PlainMessageKey>> = {
  send_decision_via_skatteverket: "reveal.reason.send_decision_via_skatteverket",
  safety_contact: "reveal.reason.safety_contact",
  payment: "reveal.reason.payment",
  other: "reveal.reason.other",
};

/**
 * Skyddshandläggare (issue 19, item 3): the protected persons of the units where the user is
 * protection officer, every reveal of each (who, when, why), the consultations, and the form
 * that records a consultation before her protection is lowered or her data disclosed.
 */
export function ProtectionPage() {
  const { t } = useT();
  if (!hasRole(useMe().roles, "protection_officer"))
    return (
      <Page title={t("protection.title")}>
        <p>{t("protection.forbidden")}</p>
      </Page>
    );
  return <ProtectedPersons />;
}

function ProtectedPersons() {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["protection", "persons"], (signal) => api.protectedPersons(signal));
  return (
    <Page title={t("protection.title")}>
      <p>{t("protection.intro")}</p>
      <Loaded state={query.state}>
        {(list) =>
          list.persons.length === 0 ? (
            <p className="empty">{t("protection.empty")}</p>
          ) : (
            list.persons.map((p) => <PersonEntry key={p.personId} person={p} />)
          )
        }
      </Loaded>
    </Page>
  );
}

function PersonEntry({ person }: { person: Person }) {
  const { t } = useT();
  const titleId = `protected-${person.personId}`;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {person.name}
        {person.identityNumber && <small> {person.identityNumber}</small>}
      </h2>
      <p>
        <strong className="badge">{t(protectionLevelLabels[person.protectionLevel])}</strong>{" "}
        {t("protection.cases", {
          cases: person.cases.map((c) => c.reference ?? t("protection.caseWithheld")).join(", "),
        })}
      </p>
      <OnDemand label={t("protection.showReveals")}>
        <Reveals person={person} />
      </OnDemand>
    </section>
  );
}

function Reveals({ person }: { person: Person }) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(["protection", "reveals", person.personId], (signal) =>
    api.personReveals(person.personId, signal),
  );
  return (
    <Loaded state={query.state}>
      {(data) => (
        <>
          <h3>{t("protection.revealsTitle")}</h3>
          {data.reveals.length === 0 ? (
            <p className="empty">{t("protection.revealsEmpty")}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("protection.revealedAt")}</th>
                  <th scope="col">{t("protection.revealedBy")}</th>
                  <th scope="col">{t("protection.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {data.reveals.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.revealedAt, lang)}</td>
                    <td>{r.userName}</td>
                    <td>
                      {t(reasonLabels[r.reasonCode])}
                      {r.reasonText && `: ${r.reasonText}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t("protection.consultationsTitle")}</h3>
          {data.consultations.length === 0 ? (
            <p className="empty">{t("protection.consultationsEmpty")}</p>
          ) : (
            <ul>
              {data.consultations.map((c) => (
                <li key={c.id}>
                  {formatDateTime(c.consultedAt, lang)} · {t(`protection.kind.${c.kind}`)} ·{" "}
                  {t(`protection.outcome.${c.outcome}`)} · {c.officer}: {c.note}
                </li>
              ))}
            </ul>
          )}
          <ConsultationForm person={person} onSaved={() => query.reload()} />
        </>
      )}
    </Loaded>
  );
}

function ConsultationForm({ person, onSaved }: { person: Person; onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["caseId", "kind", "outcome", "note"]);
  const [caseId, setCaseId] = useState(person.cases[0]?.id ?? "");
  const [kind, setKind] = useState<"lower_protection" | "disclosure" | "">("");
  const [outcome, setOutcome] = useState<"agreed" | "advised_against" | "">("");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await submit.run(async () => {
      await api.recordProtectionConsultation(person.personId, {
        caseId,
        kind: kind as "disclosure",
        outcome: outcome as "agreed",
        note,
      });
    });
    if (ok) {
      setNote("");
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="subsection">
      <h3>{t("protection.consultTitle")}</h3>
      <StatusMessage message={saved ? t("protection.consultSaved") : null} />
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("protection.consultCase")}
        name="caseId"
        value={caseId}
        onChange={(e) => setCaseId(e.target.value)}
        error={submit.fieldError("caseId")}
      >
        {person.cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.reference ?? t("protection.caseWithheld")}
          </option>
        ))}
      </SelectField>
      <RadioGroupField
        label={t("protection.consultKind")}
        name="kind"
        value={kind}
        options={[
          { value: "lower_protection", label: t("protection.kind.lower_protection") },
          { value: "disclosure", label: t("protection.kind.disclosure") },
        ]}
        onChange={setKind}
        error={submit.fieldError("kind")}
      />
      <RadioGroupField
        label={t("protection.consultOutcome")}
        name="outcome"
        value={outcome}
        options={[
          { value: "agreed", label: t("protection.outcome.agreed") },
          { value: "advised_against", label: t("protection.outcome.advised_against") },
        ]}
        onChange={setOutcome}
        error={submit.fieldError("outcome")}
      />
      <TextAreaField
        label={t("protection.consultNote")}
        name="note"
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        error={submit.fieldError("note")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("protection.consultSubmit")}
      </button>
    </form>
  );
}
