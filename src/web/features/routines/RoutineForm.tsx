import { type FormEvent, useId, useState } from "react";
import { type RoutineArea, routineAreas } from "../../../shared/api/routines";
import type { RoutineRegister, RoutineView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { areaKey } from "./routine-model";

const fields = [
  "title",
  "area",
  "approverId",
  "approvedOn",
  "reviewOn",
  "ownerId",
  "version",
  "file",
] as const;
const maxBytes = 10 * 1024 * 1024;

/** Ny rutin, a new version of one (it supersedes the old), or a correction of one. */
export type RoutineFormMode =
  | { kind: "new" }
  | { kind: "revise"; routine: RoutineView }
  | { kind: "correct"; routine: RoutineView };

const titleKey = {
  new: "routineForm.newTitle",
  revise: "routineForm.reviseTitle",
  correct: "routineForm.correctTitle",
} as const;

function initialDraft(mode: RoutineFormMode) {
  const r = mode.kind === "new" ? null : mode.routine;
  return {
    title: r?.title ?? "",
    area: (r?.area ?? "") as RoutineArea | "",
    approverId: r?.approver.id ?? "",
    approvedOn: mode.kind === "correct" && r ? r.approvedOn : localDateInput(new Date()),
    reviewOn: mode.kind === "correct" && r ? r.reviewOn : "",
    ownerId: r?.owner.id ?? "",
  };
}

/**
 * The register's form: the routine's facts, then its document if one is chosen (sent once the
 * routine is saved, on the version the save answered). The server checks everything again.
 */
export function RoutineForm({
  mode,
  choices,
  onSaved,
  onCancel,
}: {
  mode: RoutineFormMode;
  choices: Pick<RoutineRegister, "approvers" | "owners">;
  onSaved: (routine: RoutineView) => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fields);
  const [draft, setDraft] = useState(() => initialDraft(mode));
  const [file, setFile] = useState<File | null>(null);
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));

  async function save() {
    const body = { ...draft, area: draft.area as RoutineArea };
    if (mode.kind === "new") return api.createRoutine(body);
    const change = { ...body, version: mode.routine.version };
    return mode.kind === "revise"
      ? api.reviseRoutine(mode.routine.id, change)
      : api.correctRoutine(mode.routine.id, change);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (file && file.size > maxBytes)
      return rejectWith(submit, { file: "routineForm.errorFileSize" }, t);
    await submit.run(async () => {
      let saved = await save();
      if (file) saved = await api.uploadRoutineDocument(saved.id, file, saved.version);
      onSaved(saved);
    });
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t(titleKey[mode.kind])}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextField
        label={t("routineForm.name")}
        name="title"
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        error={submit.fieldError("title")}
      />
      <SelectField
        label={t("routineForm.area")}
        name="area"
        value={draft.area}
        onChange={(e) => set({ area: e.target.value as RoutineArea })}
        error={submit.fieldError("area")}
      >
        <option value="">{t("routineForm.chooseArea")}</option>
        {routineAreas.map((area) => (
          <option key={area} value={area}>
            {t(areaKey(area))}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("routineForm.approver")}
        hint={t("routineForm.approverHint")}
        name="approverId"
        value={draft.approverId}
        onChange={(e) => set({ approverId: e.target.value })}
        error={submit.fieldError("approverId")}
      >
        <option value="">{t("routineForm.chooseApprover")}</option>
        {choices.approvers.map((a) => (
          <option key={a.id} value={a.id}>
            {a.management ? `${a.name} (${t("routines.management")})` : a.name}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("routineForm.approvedOn")}
        name="approvedOn"
        value={draft.approvedOn}
        onChange={(approvedOn) => set({ approvedOn })}
        error={submit.fieldError("approvedOn")}
      />
      <DateField
        label={t("routineForm.reviewOn")}
        name="reviewOn"
        value={draft.reviewOn}
        onChange={(reviewOn) => set({ reviewOn })}
        error={submit.fieldError("reviewOn")}
      />
      <SelectField
        label={t("routineForm.owner")}
        name="ownerId"
        value={draft.ownerId}
        onChange={(e) => set({ ownerId: e.target.value })}
        error={submit.fieldError("ownerId")}
      >
        <option value="">{t("routineForm.chooseOwner")}</option>
        {choices.owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("routineForm.file")}
        hint={t("routineForm.fileHint")}
        name="file"
        type="file"
        accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={submit.fieldError("file")}
      />
      <p className="form__actions">
        <button type="submit" className="button" disabled={submit.pending}>
          {t("routineForm.save")}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("routineForm.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}
