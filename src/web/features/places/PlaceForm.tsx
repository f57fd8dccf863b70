import { type FormEvent, useId, useState } from "react";
import type { PlaceView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  acceptFlags,
  checkPlaceDraft,
  emptyPlaceDraft,
  operatorKinds,
  type PlaceDraft,
  placeDraftOf,
  placeFields,
  placeKinds,
} from "./place-form-model";

type Unit = { id: string; name: string };

/**
 * Ny plats and Ändra: every field of the register. A new place is registered for one of the
 * units the user administers places in; a change is sent with the version it was made from,
 * and a 409 (someone else changed the place) shows the server's words and a way to reload.
 */
export function PlaceForm({
  place,
  units,
  shelterUnits,
  onSaved,
  onStale,
}: {
  /** The place to change; none: a new place. */
  place?: PlaceView;
  units: readonly Unit[];
  shelterUnits: readonly Unit[];
  onSaved: (place: PlaceView) => void;
  onStale?: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const [stale, setStale] = useState(false);
  const { submit, run } = useChange(placeFields, {
    beforeChange: () => setStale(false),
    onStale: () => setStale(true),
  });
  const [draft, setDraft] = useState<PlaceDraft>(() =>
    place ? placeDraftOf(place) : emptyPlaceDraft(units.length === 1 ? (units[0]?.id ?? "") : ""),
  );
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<PlaceDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkPlaceDraft(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const saved = place
        ? await api.changePlace(place.id, { ...checked.body, version: place.version })
        : await api.createPlace(checked.body);
      onSaved(saved);
    });
  }

  return (
    <div className="place-form">
      <h2 id={titleId}>{t(place ? "placeForm.changeTitle" : "placeForm.newTitle")}</h2>
      <ErrorSummary errors={submit.errors} />
      {stale && onStale && (
        <p>
          <button type="button" className="button button--secondary" onClick={onStale}>
            {t("placeForm.reload")}
          </button>
        </p>
      )}
      <form
        className="form form--wide"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <WhoRunsIt
          draft={draft}
          set={set}
          units={units}
          shelterUnits={shelterUnits}
          fieldError={submit.fieldError}
        />
        <CapacityAndPrices draft={draft} set={set} fieldError={submit.fieldError} />
        <Accepted draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t(place ? "placeForm.saveChange" : "placeForm.create")}
        </button>
      </form>
    </div>
  );
}

interface PartProps {
  draft: PlaceDraft;
  set: (changes: Partial<PlaceDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

/** Name, kind, the administering and the running unit, the operator and its IVO permit. */
function WhoRunsIt({
  draft,
  set,
  units,
  shelterUnits,
  fieldError,
}: PartProps & { units: readonly Unit[]; shelterUnits: readonly Unit[] }) {
  const { t } = useT();
  return (
    <fieldset className="fieldset form__group">
      <legend>{t("placeForm.about")}</legend>
      <TextField
        label={t("placeForm.name")}
        hint={t("placeForm.nameHint")}
        name="name"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        error={fieldError("name")}
      />
      <SelectField
        label={t("placeForm.kind")}
        name="kind"
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as PlaceDraft["kind"] })}
        error={fieldError("kind")}
      >
        <option value="">{t("common.choose")}</option>
        {placeKinds.map((k) => (
          <option key={k} value={k}>
            {t(`places.kind.${k}` as PlainMessageKey)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("placeForm.unit")}
        hint={t("placeForm.unitHint")}
        name="unitId"
        value={draft.unitId}
        onChange={(e) => set({ unitId: e.target.value })}
        error={fieldError("unitId")}
      >
        {units.length !== 1 && <option value="">{t("common.choose")}</option>}
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("placeForm.shelterUnit")}
        hint={t("placeForm.shelterUnitHint")}
        name="shelterUnitId"
        value={draft.shelterUnitId}
        onChange={(e) => set({ shelterUnitId: e.target.value })}
        error={fieldError("shelterUnitId")}
      >
        <option value="">{t("placeForm.noShelterUnit")}</option>
        {shelterUnits.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("placeForm.operatorKind")}
        name="operatorKind"
        value={draft.operatorKind}
        onChange={(e) => set({ operatorKind: e.target.value as PlaceDraft["operatorKind"] })}
        error={fieldError("operatorKind")}
      >
        <option value="">{t("common.choose")}</option>
        {operatorKinds.map((k) => (
          <option key={k} value={k}>
            {t(`places.operator.${k}` as PlainMessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("placeForm.operatorName")}
        name="operatorName"
        value={draft.operatorName}
        onChange={(e) => set({ operatorName: e.target.value })}
        error={fieldError("operatorName")}
      />
      <div className="field__row">
        <TextField
          label={t("placeForm.ivoNumber")}
          name="ivoPermitNumber"
          value={draft.ivoPermitNumber}
          onChange={(e) => set({ ivoPermitNumber: e.target.value })}
          error={fieldError("ivoPermitNumber")}
        />
        <DateField
          label={t("placeForm.ivoExpires")}
          name="ivoPermitExpiresOn"
          value={draft.ivoPermitExpiresOn}
          onChange={(value) => set({ ivoPermitExpiresOn: value })}
          error={fieldError("ivoPermitExpiresOn")}
        />
      </div>
    </fieldset>
  );
}

/** Places, rooms, prices per day and how long a hold lasts. */
function CapacityAndPrices({ draft, set, fieldError }: PartProps) {
  const { t } = useT();
  const numberField = (
    name: "places" | "rooms" | "priceAdult" | "priceChild" | "holdHours",
    hint?: PlainMessageKey,
  ) => (
    <TextField
      label={t(`placeForm.${name}`)}
      hint={hint ? t(hint) : undefined}
      name={name}
      inputMode={name.startsWith("price") ? "decimal" : "numeric"}
      value={draft[name]}
      onChange={(e) => set({ [name]: e.target.value })}
      error={fieldError(name)}
    />
  );
  return (
    <fieldset className="fieldset form__group">
      <legend>{t("placeForm.capacity")}</legend>
      <div className="field__row">
        {numberField("places", "placeForm.placesHint")}
        {numberField("rooms")}
      </div>
      <div className="field__row">
        {numberField("priceAdult")}
        {numberField("priceChild")}
      </div>
      {numberField("holdHours", "placeForm.holdHoursHint")}
    </fieldset>
  );
}

/** Who the place takes: the yes/no questions, the boys' age limit, access and languages. */
function Accepted({ draft, set, fieldError }: PartProps) {
  const { t } = useT();
  return (
    <fieldset className="fieldset form__group">
      <legend>{t("placeForm.accepts")}</legend>
      <div className="place-form__flags">
        {acceptFlags.map((flag) => (
          <CheckboxField
            key={flag}
            label={t(`placeForm.${flag}`)}
            name={flag}
            checked={draft[flag]}
            onChange={(e) => set({ [flag]: e.target.checked })}
            error={fieldError(flag)}
          />
        ))}
      </div>
      {draft.acceptsChildren && (
        <TextField
          label={t("placeForm.boysAgeLimit")}
          hint={t("placeForm.boysAgeLimitHint")}
          name="boysAgeLimit"
          inputMode="numeric"
          value={draft.boysAgeLimit}
          onChange={(e) => set({ boysAgeLimit: e.target.value })}
          error={fieldError("boysAgeLimit")}
        />
      )}
      <TextAreaField
        label={t("placeForm.accessibilityNotes")}
        name="accessibilityNotes"
        value={draft.accessibilityNotes}
        onChange={(e) => set({ accessibilityNotes: e.target.value })}
        error={fieldError("accessibilityNotes")}
      />
      <TextField
        label={t("placeForm.staffLanguages")}
        hint={t("placeForm.staffLanguagesHint")}
        name="staffLanguages"
        value={draft.staffLanguages}
        onChange={(e) => set({ staffLanguages: e.target.value })}
        error={fieldError("staffLanguages")}
      />
    </fieldset>
  );
}
