import { type FormEvent, useId, useState } from "react";
import { caseConsultationAbout } from "../../../shared/api/case-consultations";
import type { CaseConsultations, CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { SaveWithNamesCheck, useNamesCheck } from "../consultations/NamesCheck";

/*
 * Anonyma konsultationer (issue 18, item 7): advice sought about the case's child or adult
 * without consent, so without identity. The server refuses an identity number and notices
 * a name (422 names_to_confirm, its words by the field); the form then asks the worker to
 * confirm before it saves, as the consultation log does.
 */

const titleId = "case-consultations-title";
type About = (typeof caseConsultationAbout)[number];

export function CaseConsultationsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const { state, setData } = useQuery(["case", record.id, "case-consultations"], (signal) =>
    api.caseConsultations(record.id, signal),
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("caseConsult.title")}
      </h2>
      <p className="muted">{t("caseConsult.intro")}</p>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) => (
          <>
            <ConsultationList consultations={data.consultations} />
            {record.abilities.change && (
              <OnDemand label={t("caseConsult.newTitle")}>
                <ConsultationForm
                  caseId={record.id}
                  agencies={data.agencies}
                  onSaved={(list) => {
                    setData(list);
                    setMessage("caseConsult.saved");
                  }}
                />
              </OnDemand>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The consultations recorded in the case, newest first, or one line saying there are none. */
function ConsultationList({
  consultations,
}: {
  consultations: CaseConsultations["consultations"];
}) {
  const { t, lang } = useT();
  return consultations.length === 0 ? (
    <p className="empty">{t("caseConsult.empty")}</p>
  ) : (
    <ol className="record-list" aria-label={t("caseConsult.listCaption")}>
      {consultations.map((k) => (
        <li key={k.id} className="record-list__item">
          <h3>
            {t("caseConsult.itemTitle", {
              with: k.agencyName ?? k.withWhom ?? "",
              date: formatDay(k.heldOn, lang),
            })}
          </h3>
          <dl className="text-sections">
            <div>
              <dt>{t("caseConsult.question")}</dt>
              <dd className="multiline">{k.question}</dd>
            </div>
            <div>
              <dt>{t("caseConsult.advice")}</dt>
              <dd className="multiline">{k.advice || "–"}</dd>
            </div>
          </dl>
          <p className="muted">
            {t(`caseConsult.about.${k.about}` as PlainMessageKey)} ·{" "}
            {t("caseConsult.recordedBy", { name: k.recordedBy })}
          </p>
        </li>
      ))}
    </ol>
  );
}

const fields = ["heldOn", "about", "agencyId", "withWhom", "question", "advice"] as const;
type Draft = {
  heldOn: string;
  about: About | "";
  agencyId: string;
  withWhom: string;
  question: string;
  advice: string;
};
const empty = (): Draft => ({
  heldOn: localDateInput(new Date()),
  about: "",
  agencyId: "",
  withWhom: "",
  question: "",
  advice: "",
});

interface FormProps {
  caseId: string;
  agencies: CaseConsultations["agencies"];
  onSaved: (list: CaseConsultations) => void;
}

/** The draft and its sending; once saved, the form starts over for the next consultation. */
function useConsultationDraft({ caseId, onSaved }: FormProps) {
  const api = useApi();
  const submit = useSubmit(fields);
  const names = useNamesCheck();
  const [draft, setDraft] = useState<Draft>(empty);
  const set = (changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    names.changed();
  };
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(() =>
      names.send(async () => {
        onSaved(
          await api.recordCaseConsultation(caseId, {
            heldOn: draft.heldOn,
            about: draft.about as About,
            agencyId: draft.agencyId || null,
            withWhom: draft.withWhom.trim() || null,
            question: draft.question,
            advice: draft.advice,
            confirmNames: names.confirmNames,
          }),
        );
        setDraft(empty());
      }),
    );
  }
  return { submit, names, draft, set, handleSubmit };
}

function ConsultationForm(props: FormProps) {
  const { t } = useT();
  const { submit, names, draft, set, handleSubmit } = useConsultationDraft(props);
  const formTitleId = `${useId()}-title`;
  const text = (name: "withWhom" | "question" | "advice") => ({
    name,
    value: draft[name],
    error: submit.fieldError(name),
  });
  return (
    <>
      <h3 id={formTitleId}>{t("caseConsult.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <WhenAndWho draft={draft} set={set} agencies={props.agencies} submit={submit} />
        <TextField
          label={t("caseConsult.withWhom")}
          hint={t("caseConsult.withWhomHint")}
          {...text("withWhom")}
          onChange={(e) => set({ withWhom: e.target.value })}
        />
        <TextAreaField
          label={t("caseConsult.question")}
          rows={4}
          {...text("question")}
          onChange={(e) => set({ question: e.target.value })}
        />
        <TextAreaField
          label={t("caseConsult.advice")}
          {...text("advice")}
          onChange={(e) => set({ advice: e.target.value })}
        />
        <SaveWithNamesCheck check={names} pending={submit.pending} texts="caseConsult" />
      </form>
    </>
  );
}

/** The day, whom it is about, and the agency asked (from the directory). */
function WhenAndWho({
  draft,
  set,
  agencies,
  submit,
}: {
  draft: Draft;
  set: (changes: Partial<Draft>) => void;
  agencies: FormProps["agencies"];
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      <DateField
        label={t("caseConsult.heldOn")}
        name="heldOn"
        max={localDateInput(new Date())}
        value={draft.heldOn}
        onChange={(heldOn) => set({ heldOn })}
        error={submit.fieldError("heldOn")}
      />
      <RadioGroupField
        label={t("caseConsult.about")}
        name="about"
        value={draft.about}
        options={caseConsultationAbout.map((value) => ({
          value,
          label: t(`caseConsult.about.${value}` as PlainMessageKey),
        }))}
        onChange={(about) => set({ about })}
        error={submit.fieldError("about")}
      />
      <SelectField
        label={t("caseConsult.agency")}
        name="agencyId"
        value={draft.agencyId}
        onChange={(e) => set({ agencyId: e.target.value })}
        error={submit.fieldError("agencyId")}
      >
        <option value="">{t("caseConsult.choose")}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
