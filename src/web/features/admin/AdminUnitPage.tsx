import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import type { UnitView } from "../../api/endpoints";
import { isAdministrator } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { unitKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { textOrNull } from "../cases/casework-model";

/**
 * One unit's contact details, printed on its letters and forms (e.g. the partner-contact
 * consent form), and the months until the follow-up contact with a partner.
 */
export function AdminUnitPage() {
  const { t } = useT();
  const me = useMe();
  if (!isAdministrator(me.roles)) {
    return (
      <Page title={t("admin.title")}>
        <p>{t("admin.forbidden")}</p>
      </Page>
    );
  }
  return <AdminUnit />;
}

function AdminUnit() {
  const { t } = useT();
  const api = useApi();
  const { unitId = "" } = useParams();
  // There is no GET for one unit; the list is small (one organisation's units).
  const data = useQuery(
    ["admin", "unit", unitId],
    async (signal) => (await api.units(signal)).units.find((u) => u.id === unitId) ?? null,
  );
  const { state } = data;

  const back = (
    <p>
      <Link to="/admin">{t("adminUnit.back")}</Link>
    </p>
  );
  if (state.status === "loading") {
    return (
      <Page title={t("admin.title")}>
        <Loading />
      </Page>
    );
  }
  if (state.status === "error" || state.data === null) {
    return (
      <Page title={t("admin.title")}>
        {state.status === "error" ? (
          <QueryError error={state.error} />
        ) : (
          <p>{t("adminUnit.notFound")}</p>
        )}
        {back}
      </Page>
    );
  }
  const unit = state.data;
  return (
    <Page title={unit.name}>
      {back}
      <dl className="details">
        <div>
          <dt>{t("admin.unitKind")}</dt>
          <dd>{t(unitKindLabels[unit.kind])}</dd>
        </div>
      </dl>
      <UnitForm key={unit.id} unit={unit} onSaved={data.setData} />
    </Page>
  );
}

interface Draft {
  contactPhone: string;
  contactAddress: string;
  contactEmail: string;
  partnerFollowUpMonths: string;
}

const draftOf = (unit: UnitView): Draft => ({
  contactPhone: unit.contactPhone ?? "",
  contactAddress: unit.contactAddress ?? "",
  contactEmail: unit.contactEmail ?? "",
  partnerFollowUpMonths: String(unit.partnerFollowUpMonths),
});

const fieldNames = ["contactPhone", "contactAddress", "contactEmail", "partnerFollowUpMonths"];

function UnitForm({ unit, onSaved }: { unit: UnitView; onSaved: (unit: UnitView) => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fieldNames);
  const [draft, setDraft] = useState<Draft>(() => draftOf(unit));
  const [status, setStatus] = useState<string | null>(null);
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const months = Number(draft.partnerFollowUpMonths);
    if (!/^\d+$/.test(draft.partnerFollowUpMonths.trim()) || months < 1 || months > 24) {
      return rejectWith(submit, { partnerFollowUpMonths: "adminUnit.errorFollowUpMonths" }, t);
    }
    const ok = await submit.run(async () => {
      const saved = await api.updateUnit(unit.id, {
        contactPhone: textOrNull(draft.contactPhone),
        contactAddress: textOrNull(draft.contactAddress),
        contactEmail: textOrNull(draft.contactEmail),
        partnerFollowUpMonths: months,
      });
      setDraft(draftOf(saved));
      onSaved(saved);
    });
    if (ok) setStatus(t("adminUnit.saved"));
  }

  return (
    <section className="section" aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">{t("adminUnit.formTitle")}</h2>
      <p>{t("adminUnit.intro")}</p>
      <StatusMessage message={status} />
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby="unit-form-title" onSubmit={handleSubmit} noValidate>
        <UnitFields draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("adminUnit.submit")}
        </button>
      </form>
    </section>
  );
}

/** The unit's contact details, then the months until the partner's follow-up contact. */
function UnitFields({
  draft,
  set,
  fieldError,
}: {
  draft: Draft;
  set: (changes: Partial<Draft>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("adminUnit.phone")}
        name="contactPhone"
        type="tel"
        autoComplete="off"
        value={draft.contactPhone}
        onChange={(e) => set({ contactPhone: e.target.value })}
        error={fieldError("contactPhone")}
      />
      <TextAreaField
        label={t("adminUnit.address")}
        hint={t("adminUnit.addressHint")}
        name="contactAddress"
        rows={3}
        value={draft.contactAddress}
        onChange={(e) => set({ contactAddress: e.target.value })}
        error={fieldError("contactAddress")}
      />
      <TextField
        label={t("adminUnit.email")}
        name="contactEmail"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={draft.contactEmail}
        onChange={(e) => set({ contactEmail: e.target.value })}
        error={fieldError("contactEmail")}
      />
      <TextField
        label={t("adminUnit.followUpMonths")}
        hint={t("adminUnit.followUpMonthsHint")}
        name="partnerFollowUpMonths"
        type="number"
        inputMode="numeric"
        min={1}
        max={24}
        step={1}
        value={draft.partnerFollowUpMonths}
        onChange={(e) => set({ partnerFollowUpMonths: e.target.value })}
        error={fieldError("partnerFollowUpMonths")}
      />
    </>
  );
}
