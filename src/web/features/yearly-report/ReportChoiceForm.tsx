import type { Dispatch, FormEvent, SetStateAction } from "react";
import type { managedUnits } from "../../auth/permissions";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextField } from "../../ui/Field";
import { toggleUnit } from "./yearly-report-model";

export interface Draft {
  year: string;
  unitIds: string[];
}

/**
 * The year, and for a manager of several units which of them (none: all). The unit error
 * (a unit not hers, say) is the server's, shown on the group.
 */
export function ReportChoiceForm({
  draft,
  setDraft,
  units,
  fieldError,
  onSubmit,
}: {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  units: ReturnType<typeof managedUnits>;
  fieldError: (name: string) => string | undefined;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useT();
  const unitError = fieldError("unitId");
  return (
    <form className="form" aria-labelledby="yearly-report-choice" onSubmit={onSubmit} noValidate>
      <TextField
        label={t("yearlyReport.year")}
        hint={t("yearlyReport.yearHint")}
        name="year"
        inputMode="numeric"
        autoComplete="off"
        value={draft.year}
        onChange={(e) => setDraft((d) => ({ ...d, year: e.target.value }))}
        error={fieldError("year")}
      />
      {units.length > 1 && (
        <fieldset className="fieldset">
          <legend>{t("yearlyReport.units")}</legend>
          <p className="field__hint">{unitError ?? t("yearlyReport.unitsHint")}</p>
          {units.map((unit) => (
            <CheckboxField
              key={unit.id}
              label={unit.name}
              name="unitId"
              value={unit.id}
              checked={draft.unitIds.includes(unit.id)}
              onChange={() =>
                setDraft((d) => ({ ...d, unitIds: toggleUnit(units, d.unitIds, unit.id) }))
              }
            />
          ))}
        </fieldset>
      )}
      <button type="submit" className="button">
        {t("yearlyReport.submit")}
      </button>
    </form>
  );
}
