import { useId } from "react";
import type { ConsentFormCode, PlacementBasisCode, PlacementView } from "../../api/endpoints";
import { formatDay, localDateInput } from "../../i18n/dates";
import { consentFormLabels, courtOutcomeLabels, placementBasisLabels } from "../../i18n/labels";
import type { Language, Translate } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { movedLastDayText, shownLastDay } from "../../ui/deadline-model";
import { CheckboxField, RadioGroupField, TextField } from "../../ui/Field";
import { MovedNote } from "../../ui/MovedNote";
import {
  type ConsentDraft,
  consentFieldName,
  consentRowsFor,
  type PlacementDraft,
} from "./decisions-model";

/*
 * Barnets placering: a child in sheltered housing gets a decision of their own, on both
 * custodians' consent (one, with sole custody) or on lag (2024:79) — the administrative
 * court decides without the other custodian's consent. An immediate decision goes to the
 * court within a week, the court rules within a week, and the placement is reviewed at
 * least every six months until it ends. The server keeps the clocks; this shows them.
 */

const bases: readonly PlacementBasisCode[] = ["custodians_consent", "court_2024_79"];
const consentForms: readonly ConsentFormCode[] = ["written", "oral"];

type FieldError = (name: string) => string | undefined;

interface PlacementFieldsetProps {
  draft: PlacementDraft;
  onChange: (draft: PlacementDraft) => void;
  fieldError: FieldError;
}

/** The placement part of the decision form, shown for a child's sheltered housing. */
export function PlacementFieldset({ draft, onChange, fieldError }: PlacementFieldsetProps) {
  const { t } = useT();
  const ids = { error: useId(), consentsError: useId() };
  const set = (changes: Partial<PlacementDraft>) => onChange({ ...draft, ...changes });
  const court = draft.basis === "court_2024_79";
  // The server's word on the whole placement; "immediate" only has its own box under 2024:79.
  const error =
    fieldError("childPlacement") ?? (court ? undefined : fieldError("childPlacement.immediate"));
  const rows = consentRowsFor(draft.basis);

  return (
    <fieldset className="fieldset placement" aria-describedby={error ? ids.error : undefined}>
      <legend>{t("placement.title")}</legend>
      {error && (
        <p className="field__error" id={ids.error}>
          {error}
        </p>
      )}
      <RadioGroupField
        label={t("placement.basis")}
        name="childPlacement.basis"
        value={draft.basis}
        inline={false}
        options={bases.map((value) => ({ value, label: t(placementBasisLabels[value]) }))}
        onChange={(basis) => set({ basis })}
        error={fieldError("childPlacement.basis")}
      />
      {court && (
        <CheckboxField
          label={t("placement.immediate")}
          name="childPlacement.immediate"
          checked={draft.immediate}
          onChange={(e) => set({ immediate: e.target.checked })}
          error={fieldError("childPlacement.immediate")}
        />
      )}
      {rows > 0 && (
        <ConsentsFieldset
          draft={draft}
          set={set}
          fieldError={fieldError}
          errorId={ids.consentsError}
        />
      )}
      {draft.basis !== "" && (
        <CheckboxField
          label={t("placement.locationWithheld")}
          name="childPlacement.locationWithheld"
          checked={draft.locationWithheld}
          onChange={(e) => set({ locationWithheld: e.target.checked })}
          error={fieldError("childPlacement.locationWithheld")}
        />
      )}
    </fieldset>
  );
}

/** The custodians' consents: both (one, with sole custody), or optional under lag (2024:79). */
function ConsentsFieldset({
  draft,
  set,
  fieldError,
  errorId,
}: {
  draft: PlacementDraft;
  set: (changes: Partial<PlacementDraft>) => void;
  fieldError: FieldError;
  errorId: string;
}) {
  const { t } = useT();
  const court = draft.basis === "court_2024_79";
  const consentsError = fieldError("childPlacement.consents");
  const rows = consentRowsFor(draft.basis);
  const setConsent = (index: 0 | 1, changes: Partial<ConsentDraft>) => {
    const consents: PlacementDraft["consents"] = [...draft.consents];
    consents[index] = { ...consents[index], ...changes };
    set({ consents });
  };
  return (
    <fieldset
      className="fieldset placement__consents"
      aria-describedby={consentsError ? errorId : undefined}
    >
      <legend>{court ? t("placement.consentOptionalTitle") : t("placement.consentsTitle")}</legend>
      {!court && <p className="field__hint">{t("placement.consentsHint")}</p>}
      {consentsError && (
        <p className="field__error" id={errorId}>
          {consentsError}
        </p>
      )}
      {([0, 1] as const).slice(0, rows).map((index) => (
        <ConsentRow
          key={index}
          index={index}
          // Under lag (2024:79) the one row needs no number of its own.
          legend={court ? null : t("placement.custodianN", { n: index + 1 })}
          draft={draft.consents[index]}
          onChange={(changes) => setConsent(index, changes)}
          fieldError={fieldError}
        />
      ))}
      {!court && (
        <CheckboxField
          label={t("placement.soleCustody")}
          name="childPlacement.soleCustody"
          checked={draft.soleCustody}
          onChange={(e) => set({ soleCustody: e.target.checked })}
          error={fieldError("childPlacement.soleCustody")}
        />
      )}
    </fieldset>
  );
}

function ConsentRow({
  index,
  legend,
  draft,
  onChange,
  fieldError,
}: {
  index: number;
  legend: string | null;
  draft: ConsentDraft;
  onChange: (changes: Partial<ConsentDraft>) => void;
  fieldError: FieldError;
}) {
  const { t } = useT();
  const fields = (
    <div className="field__row placement__consent">
      <TextField
        label={t("placement.custodianName")}
        name={consentFieldName(index, "custodianName")}
        autoComplete="off"
        value={draft.custodianName}
        onChange={(e) => onChange({ custodianName: e.target.value })}
        error={fieldError(consentFieldName(index, "custodianName"))}
      />
      <RadioGroupField
        label={t("placement.consentForm")}
        name={consentFieldName(index, "form")}
        value={draft.form}
        options={consentForms.map((value) => ({ value, label: t(consentFormLabels[value]) }))}
        onChange={(form) => onChange({ form })}
        error={fieldError(consentFieldName(index, "form"))}
      />
      <DateField
        label={t("placement.givenOn")}
        name={consentFieldName(index, "givenOn")}
        max={localDateInput(new Date())}
        value={draft.givenOn}
        onChange={(value) => onChange({ givenOn: value })}
        error={fieldError(consentFieldName(index, "givenOn"))}
      />
    </div>
  );
  if (legend === null) return fields;
  return (
    <fieldset className="fieldset placement__custodian">
      <legend>{legend}</legend>
      {fields}
    </fieldset>
  );
}

/** What the placement rests on, and its clocks: the court, the ruling, the reviews. */
export function PlacementFacts({
  placement: p,
  titleId,
}: {
  placement: PlacementView;
  titleId: string;
}) {
  const { t, lang } = useT();
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));
  const court = p.basis === "court_2024_79";
  const clocks = placementClocks(p, t, lang);

  return (
    <section className="placement-facts" aria-labelledby={titleId}>
      <h4 id={titleId}>{t("placement.title")}</h4>
      {!p.inForce && !p.endedOn && (
        <p className="notice placement-facts__warning">
          <strong>{t("placement.awaitingCourt")}</strong>
        </p>
      )}
      {p.consentRevoked && (
        <p className="notice placement-facts__warning">
          <strong>{t("placement.consentRevokedWarning")}</strong>
        </p>
      )}
      <dl className="details">
        <div>
          <dt>{t("placement.basisShown")}</dt>
          <dd>{t(placementBasisLabels[p.basis])}</dd>
        </div>
        <div>
          <dt>{t("placement.consents")}</dt>
          <dd>
            <ConsentList consents={p.consents} />
          </dd>
        </div>
        {!court && (
          <div>
            <dt>{t("placement.soleCustodyShown")}</dt>
            <dd>{yesNo(p.soleCustody)}</dd>
          </div>
        )}
        {court && (
          <div>
            <dt>{t("placement.immediateShown")}</dt>
            <dd>{yesNo(p.immediate)}</dd>
          </div>
        )}
        <div>
          <dt>{t("placement.locationWithheldShown")}</dt>
          <dd>{yesNo(p.locationWithheld)}</dd>
        </div>
      </dl>
      <ClocksList clocks={clocks} />
      <ReviewsList reviews={p.reviews} />
    </section>
  );
}

interface PlacementClock {
  key: string;
  text: string;
  moved?: string | null;
}

/** The placement's clocks as lines: to the court, the ruling, the next review, the end. */
function placementClocks(p: PlacementView, t: Translate, lang: Language): PlacementClock[] {
  const day = (value: string) => formatDay(value, lang);
  // A statutory clock shows its last day under lag (1930:173), with why it moved.
  const clocks: PlacementClock[] = [];
  if (p.courtSubmissionDue)
    clocks.push({
      key: "submissionDue",
      text: t("placement.submissionDue", {
        date: day(shownLastDay(p.courtSubmissionDue, p.courtSubmissionLastDay)),
      }),
      moved: movedLastDayText(p.courtSubmissionLastDay, t, lang),
    });
  if (p.courtSubmittedOn)
    clocks.push({
      key: "submitted",
      text: t("placement.submitted", { date: day(p.courtSubmittedOn) }),
    });
  if (p.courtRulingDue && !p.courtRuledOn)
    clocks.push({
      key: "rulingDue",
      text: t("placement.rulingDue", {
        date: day(shownLastDay(p.courtRulingDue, p.courtRulingLastDay)),
      }),
      moved: movedLastDayText(p.courtRulingLastDay, t, lang),
    });
  if (p.courtRuledOn && p.courtOutcome)
    clocks.push({
      key: "ruled",
      text: t("placement.ruled", {
        date: day(p.courtRuledOn),
        outcome: t(courtOutcomeLabels[p.courtOutcome]),
      }),
    });
  if (p.nextReviewDue)
    clocks.push({
      key: "nextReview",
      text: t("placement.nextReviewDue", {
        date: day(shownLastDay(p.nextReviewDue, p.nextReviewLastDay)),
      }),
      moved: movedLastDayText(p.nextReviewLastDay, t, lang),
    });
  if (p.endedOn)
    clocks.push({ key: "ended", text: t("placement.ended", { date: day(p.endedOn) }) });
  return clocks;
}

/** The consents the placement rests on, each with its revocation when revoked. */
function ConsentList({ consents }: { consents: PlacementView["consents"] }) {
  const { t, lang } = useT();
  const day = (value: string) => formatDay(value, lang);
  if (consents.length === 0) return t("placement.noConsents");
  return (
    <ul className="plain-list">
      {consents.map((c) => (
        <li key={c.id}>
          {t("placement.consentItem", {
            name: c.custodianName,
            form: t(consentFormLabels[c.form]),
            date: day(c.givenOn),
          })}
          {c.revokedOn && (
            <span className="placement-facts__note">
              {t("placement.consentRevokedItem", {
                date: day(c.revokedOn),
                reason: c.revokedReason ?? "",
              })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ClocksList({ clocks }: { clocks: PlacementClock[] }) {
  const { t } = useT();
  if (clocks.length === 0) return null;
  return (
    <ul className="plain-list placement-facts__clocks" aria-label={t("placement.clocksCaption")}>
      {clocks.map((c) => (
        <li key={c.key}>
          {c.text}
          <MovedNote text={c.moved ?? null} />
        </li>
      ))}
    </ul>
  );
}

function ReviewsList({ reviews }: { reviews: PlacementView["reviews"] }) {
  const { t, lang } = useT();
  if (reviews.length === 0) return null;
  return (
    <ul className="plain-list placement-facts__reviews">
      {reviews.map((r) => (
        <li key={`${r.reviewedOn}-${r.notes}`}>
          {t("placement.reviewItem", {
            date: formatDay(r.reviewedOn, lang),
            result: r.continues ? t("placement.reviewContinues") : t("placement.reviewEnds"),
            name: r.recordedBy,
          })}
          <span className="multiline placement-facts__note">{r.notes}</span>
        </li>
      ))}
    </ul>
  );
}
