import { type FormEvent, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { type PeriodErrors, periodErrors } from "./journal-model";

/*
 * The journal of a period as a PDF (issue 15). A plain GET form: the browser downloads the
 * file with the session it has. The period is checked here first, so the answer is a file
 * and not the server's 400 in place of the page; the server checks it anyway.
 */

export function JournalPdf({ caseId }: { caseId: string }) {
  const { t } = useT();
  const api = useApi();
  const [from, setFrom] = useState(() => localDateInput(new Date(), -90));
  const [to, setTo] = useState(() => localDateInput(new Date()));
  const [errors, setErrors] = useState<PeriodErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const found = periodErrors(from, to);
    setErrors(found);
    if (Object.keys(found).length > 0) event.preventDefault();
  }

  return (
    <form
      className="subsection journal-pdf"
      method="get"
      action={api.journalPdfUrl(caseId)}
      aria-labelledby="journal-pdf-title"
      onSubmit={onSubmit}
      noValidate
    >
      <h3 id="journal-pdf-title">{t("journal.pdfTitle")}</h3>
      <p className="field__hint">{t("journal.pdfHint")}</p>
      <DateField
        name="from"
        label={t("journal.pdfFrom")}
        value={from}
        onChange={setFrom}
        error={errors.from && t(errors.from)}
      />
      <DateField
        name="to"
        label={t("journal.pdfTo")}
        value={to}
        onChange={setTo}
        error={errors.to && t(errors.to)}
      />
      <button type="submit" className="button button--secondary">
        {t("journal.pdfSubmit")}
      </button>
    </form>
  );
}
