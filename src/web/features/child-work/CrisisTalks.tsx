import { type FormEvent, useState } from "react";
import type { ChildWork } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { DateForm } from "../../ui/DateForm";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { OnDemand } from "../../ui/OnDemand";
import { type Changed, FormFrame, NotesField, today, useWorkCommand } from "./ChildWorkForms";
import { crisisTalkModels, modelLabels, type workForms } from "./child-work-model";

type Series = ChildWork["series"][number];
type Forms = ReturnType<typeof workForms>;

/** Krissamtal: each series with its talks, and the forms for a new series, a talk, its end. */
export function SeriesPart({
  work,
  forms,
  changed,
}: {
  work: ChildWork;
  forms: Forms;
  changed: Changed;
}) {
  const { t } = useT();
  return (
    <div className="subsection">
      <h4>{t("childWork.seriesTitle")}</h4>
      {work.series.length === 0 && <p className="empty">{t("childWork.noSeries")}</p>}
      {work.series.map((s) => (
        <SeriesView
          key={s.id}
          series={s}
          mayChange={forms.talk && s.endedOn === null}
          changed={changed}
        />
      ))}
      {forms.newSeries && (
        <OnDemand label={t("childWork.newSeries")}>
          <SeriesForm work={work} changed={changed} />
        </OnDemand>
      )}
    </div>
  );
}

function SeriesView({
  series,
  mayChange,
  changed,
}: {
  series: Series;
  mayChange: boolean;
  changed: Changed;
}) {
  const { t, lang } = useT();
  const held = String(series.talks.length);
  return (
    <div className="subsection">
      <p>
        <strong>
          {t("childWork.seriesHeading", {
            model: t(modelLabels[series.model]),
            day: formatDay(series.startedOn, lang),
          })}
        </strong>
        {" · "}
        {series.plannedTalks
          ? t("childWork.seriesProgress", { held, planned: String(series.plannedTalks) })
          : t("childWork.seriesHeld", { held })}
        {series.endedOn &&
          ` · ${t("childWork.seriesEndedOn", { day: formatDay(series.endedOn, lang) })}`}
        {" · "}
        {t("childWork.seriesWorker", { name: series.worker })}
      </p>
      {series.talks.length > 0 && <TalkTable talks={series.talks} />}
      {mayChange && (
        <>
          <OnDemand label={t("childWork.newTalk")}>
            <TalkForm series={series} changed={changed} />
          </OnDemand>
          <OnDemand label={t("childWork.endSeries")}>
            <EndSeriesForm series={series} changed={changed} />
          </OnDemand>
        </>
      )}
    </div>
  );
}

/** The talks, numbered as the server gave them; the child's words in their own column. */
function TalkTable({ talks }: { talks: Series["talks"] }) {
  const { t, lang } = useT();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">{t("childWork.talksCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("childWork.number")}</th>
            <th scope="col">{t("childWork.heldOn")}</th>
            <th scope="col">{t("childWork.childWords")}</th>
            <th scope="col">{t("childWork.notes")}</th>
            <th scope="col">{t("childWork.recordedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {talks.map((talk) => (
            <tr key={talk.id}>
              <td>{talk.number}</td>
              <td className="nowrap">{formatDay(talk.heldOn, lang)}</td>
              <td className="multiline">{talk.childWords && <q>{talk.childWords}</q>}</td>
              <td className="multiline">{talk.notes}</td>
              <td>{talk.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SeriesForm({ work, changed }: { work: ChildWork; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const { submit, send } = useWorkCommand(["model", "plannedTalks", "startedOn"], changed);
  const [model, setModel] = useState<(typeof crisisTalkModels)[number] | "">("trappan");
  const [planned, setPlanned] = useState("3");
  const [startedOn, setStartedOn] = useState(today);
  const onSubmit = (event: FormEvent) => {
    const plannedTalks = planned.trim() === "" ? null : Number(planned);
    if (plannedTalks !== null && !Number.isInteger(plannedTalks)) {
      event.preventDefault();
      return submit.reject({ plannedTalks: t("childWork.plannedTalksHint") });
    }
    return send(
      event,
      () =>
        api.startCrisisTalkSeries(work.id, {
          model: model as (typeof crisisTalkModels)[number],
          plannedTalks,
          startedOn,
        }),
      "childWork.seriesStarted",
    );
  };
  return (
    <FormFrame
      title={t("childWork.newSeries")}
      submit={submit}
      submitLabel={t("childWork.seriesSubmit")}
      onSubmit={onSubmit}
    >
      <RadioGroupField
        label={t("childWork.model")}
        name="model"
        value={model}
        options={crisisTalkModels.map((value) => ({ value, label: t(modelLabels[value]) }))}
        onChange={setModel}
        error={submit.fieldError("model")}
      />
      <TextField
        label={t("childWork.plannedTalks")}
        hint={t("childWork.plannedTalksHint")}
        name="plannedTalks"
        inputMode="numeric"
        value={planned}
        onChange={(e) => setPlanned(e.target.value)}
        error={submit.fieldError("plannedTalks")}
      />
      <DateField
        label={t("childWork.startedOn")}
        name="startedOn"
        value={startedOn}
        onChange={setStartedOn}
        error={submit.fieldError("startedOn")}
      />
    </FormFrame>
  );
}

/** The next talk: its number shown as the server will give it. */
function TalkForm({ series, changed }: { series: Series; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const { submit, send } = useWorkCommand(["heldOn", "childWords", "notes"], changed);
  const empty = { heldOn: today(), childWords: "", notes: "" };
  const [draft, setDraft] = useState(empty);
  const set = (changes: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...changes }));
  const onSubmit = (event: FormEvent) =>
    send(
      event,
      () =>
        api.recordCrisisTalk(series.id, {
          heldOn: draft.heldOn,
          childWords: draft.childWords.trim() || null,
          notes: draft.notes.trim() || null,
        }),
      "childWork.talkRecorded",
      () => setDraft(empty),
    );
  return (
    <FormFrame
      title={t("childWork.talkTitle", { number: String(series.nextNumber) })}
      submit={submit}
      submitLabel={t("childWork.talkSubmit")}
      onSubmit={onSubmit}
    >
      <DateField
        label={t("childWork.heldOn")}
        name="heldOn"
        max={today()}
        value={draft.heldOn}
        onChange={(heldOn) => set({ heldOn })}
        error={submit.fieldError("heldOn")}
      />
      <TextAreaField
        label={t("childWork.childWords")}
        hint={t("childWork.childWordsHint")}
        name="childWords"
        value={draft.childWords}
        onChange={(e) => set({ childWords: e.target.value })}
        error={submit.fieldError("childWords")}
      />
      <NotesField
        value={draft.notes}
        onChange={(notes) => set({ notes })}
        error={submit.fieldError("notes")}
      />
    </FormFrame>
  );
}

function EndSeriesForm({ series, changed }: { series: Series; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const { submit, send } = useWorkCommand(["endedOn"], changed);
  const [endedOn, setEndedOn] = useState(today);
  return (
    <DateForm
      title={t("childWork.endSeries")}
      titleHidden
      level="h5"
      label={t("childWork.endedOn")}
      name="endedOn"
      value={endedOn}
      onChange={setEndedOn}
      submitLabel={t("childWork.endSeriesSubmit")}
      submit={submit}
      onSubmit={(event) =>
        send(event, () => api.endCrisisTalkSeries(series.id, endedOn), "childWork.seriesEnded")
      }
    />
  );
}
