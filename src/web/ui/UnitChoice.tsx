import type { managedUnits } from "../auth/permissions";
import { SelectField } from "./Field";

/**
 * The unit a report is for, offered only to a manager of several units (one unit needs no
 * choice): every unit of theirs, or all of them together. The field is named unitId, as the
 * report routes' query is.
 */
export function UnitChoice({
  label,
  allLabel,
  units,
  value,
  onChange,
  error,
}: {
  label: string;
  allLabel: string;
  units: ReturnType<typeof managedUnits>;
  value: string | undefined;
  onChange: (unitId: string) => void;
  error: string | undefined;
}) {
  if (units.length <= 1) return null;
  return (
    <SelectField
      label={label}
      name="unitId"
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">{allLabel}</option>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name}
        </option>
      ))}
    </SelectField>
  );
}
