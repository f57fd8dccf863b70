import { type FormEvent, useId, useState } from "react";
import { caseConsultationAbout } from "../../../shared/api/case-consultations";
import { ApiError } from "../../api/client";
import type { CaseConsultations, CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { NamesToConfirm } from "../consultations/NamesToConfirm";

/*
 * Anonyma konsultationer (issue 18, item 7): advice sought about the case's child or adult
 * without consent, so without identity. The server refuses an identity number and notices
 * a name (422 names_to_confirm, its words by the field); the form then asks the worker to
 * confirm before it saves, as the consultation log does.
 */

const titleId = "case-consultations-title";
type About = (typeof caseConsultationAbout)[number];

export function CaseConsultationsPanel({ record }: { record: CaseView }) {
  const { t, lang } = useT();
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
            {data.consultations.length === 0 ? (
              <p className="empty">{t("caseConsult.empty")}</p>
            ) : (
              <ol className="record-list" aria-label={t("caseConsult.listCaption")}>
                {data.consultations.map((k) => (
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
            )}
            {record.abilities.change && (
              <ConsultationForm
                caseId={record.id}
                agencies={data.agencies}
                onSaved={(list) => {
                  setData(list);
                  setMessage("caseConsult.saved");
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
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

function ConsultationForm({
  caseId,
  agencies,
  onSaved,
}: {
  caseId: string;
  agencies: CaseConsultations["agencies"];
  onSaved: (list: CaseConsultations) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fields);
  const [draft, setDraft] = useState<Draft>(empty);
  const [namesFound, setNamesFound] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const formTitleId = `${useId()}-title`;
  const set = (changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    // A changed text is checked again: the confirmation was for the text as it was.
    setConfirmed(false);
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      try {
        onSaved(
          await api.recordCaseConsultation(caseId, {
            heldOn: draft.heldOn,
            about: draft.about as About,
            agencyId: draft.agencyId || null,
            withWhom: draft.withWhom.trim() || null,
            question: draft.question,
            advice: draft.advice,
            confirmNames: namesFound && confirmed,
          }),
        );
        setDraft(empty());
        setNamesFound(false);
        setConfirmed(false);
      } catch (error) {
        setNamesFound(error instanceof ApiError && error.code === "names_to_confirm");
        throw error;
      }
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("caseConsult.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
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
        <TextField
          label={t("caseConsult.withWhom")}
          hint={t("caseConsult.withWhomHint")}
          name="withWhom"
          value={draft.withWhom}
          onChange={(e) => set({ withWhom: e.target.value })}
          error={submit.fieldError("withWhom")}
        />
        <TextAreaField
          label={t("caseConsult.question")}
          name="question"
          rows={4}
          value={draft.question}
          onChange={(e) => set({ question: e.target.value })}
          error={submit.fieldError("question")}
        />
        <TextAreaField
          label={t("caseConsult.advice")}
          name="advice"
          value={draft.advice}
          onChange={(e) => set({ advice: e.target.value })}
          error={submit.fieldError("advice")}
        />
        {namesFound && (
          <NamesToConfirm
            title={t("caseConsult.namesTitle")}
            text={t("caseConsult.namesText")}
            label={t("caseConsult.confirmNames")}
            confirmed={confirmed}
            onConfirmed={setConfirmed}
          />
        )}
        <button type="submit" className="button" disabled={submit.pending}>
          {t(namesFound && confirmed ? "caseConsult.saveAnyway" : "caseConsult.save")}
        </button>
      </form>
    </div>
  );
}
