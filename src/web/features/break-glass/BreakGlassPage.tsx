import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { breakGlassMinutes } from "../../../shared/api/break-glass";
import { caseworkRoles } from "../../../shared/api/roles";
import { useApi, useMe } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { Page } from "../../ui/Page";

/**
 * Nödåtkomst (issue 19, item 6): the worker names a case by its reference and says why they
 * must see it now; on success the case opens, read only, with the banner saying until when.
 * A refusal says no more than the server does (a barrier looks like an unknown reference).
 */
export function BreakGlassPage() {
  const { t } = useT();
  const me = useMe();
  const mayAsk = me.roles.some((r) => caseworkRoles.includes(r.role));
  return (
    <Page title={t("breakGlass.title")}>
      {mayAsk ? <BreakGlassForm /> : <p>{t("breakGlass.forbidden")}</p>}
    </Page>
  );
}

function BreakGlassForm() {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(["reference", "reason"]);
  const [reference, setReference] = useState("");
  const [reason, setReason] = useState("");

  async function open(event: FormEvent) {
    event.preventDefault();
    let caseId: string | null = null;
    const ok = await submit.run(async () => {
      caseId = (await api.openBreakGlass({ reference, reason })).caseId;
    });
    if (ok && caseId) navigate(`/cases/${caseId}`);
  }

  return (
    <>
      <p>{t("breakGlass.intro", { minutes: breakGlassMinutes })}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={open} noValidate>
        <TextField
          label={t("breakGlass.reference")}
          hint={t("breakGlass.referenceHint")}
          name="reference"
          value={reference}
          maxLength={60}
          autoComplete="off"
          onChange={(e) => setReference(e.target.value)}
          error={submit.fieldError("reference")}
        />
        <TextAreaField
          label={t("breakGlass.reason")}
          hint={t("breakGlass.reasonHint")}
          name="reason"
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError("reason")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("breakGlass.open")}
        </button>
      </form>
    </>
  );
}
