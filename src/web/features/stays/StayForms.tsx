import { type ReactNode, useState } from "react";
import { stayEndReasons } from "../../../shared/api/stays";
import { useApi } from "../../auth/useAuth";
import { useChange } from "../../hooks/useChange";
import { useQuery } from "../../hooks/useQuery";
import { stayEndReasonLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { StayEndReason, StayView } from "./api";

/*
 * The forms on one stay, each opened on demand by the stay's card: Flytta, Ändra planerat
 * slut, Checka ut and Uppföljning. Each is a change of the stay (useChange: on a 409 the
 * panel reads the stays again, so the card shows what is there now).
 */

/** What a stay's form needs from the panel that lists the stays. */
export interface StayPanelLink {
  beforeChange: () => void;
  onStale: () => void;
  onChanged: () => void;
}

type FormProps = { stay: StayView; panel: StayPanelLink };

/** Open places of the kind a decision grants (a stay rests on its decision: the server checks). */
export function useOpenPlaces(kind: string | undefined) {
  const api = useApi();
  const places = useQuery(["places"], (signal) => api.places(signal));
  return places.state.status === "ready"
    ? places.state.data.places.filter((p) => p.kind === kind && p.closedOn === null)
    : [];
}

function StayForm({
  submitLabel,
  pending,
  onSubmit,
  errors,
  children,
}: {
  submitLabel: string;
  pending: boolean;
  onSubmit: () => Promise<unknown>;
  errors: Parameters<typeof ErrorSummary>[0]["errors"];
  children: ReactNode;
}) {
  return (
    <form
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <ErrorSummary errors={errors} />
      {children}
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

const moveFields = ["placeId", "movedOn"];

/** Flytta: the stay goes on at another place of the same kind from the day of the move. */
export function MoveForm({ stay, panel }: FormProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(moveFields, panel);
  const [placeId, setPlaceId] = useState("");
  const [movedOn, setMovedOn] = useState("");
  const choices = useOpenPlaces(stay.interventionKind).filter((p) => p.id !== stay.place.id);
  const save = () =>
    run(async () => {
      await api.moveStay(stay.id, { placeId, movedOn });
    }).then((ok) => ok && panel.onChanged());
  return (
    <StayForm
      submitLabel={t("stays.move.save")}
      pending={submit.pending}
      onSubmit={save}
      errors={submit.errors}
    >
      <SelectField
        label={t("stays.move.place")}
        value={placeId}
        error={submit.fieldError("placeId")}
        onChange={(e) => setPlaceId(e.target.value)}
      >
        <option value="">{t("stays.choose")}</option>
        {choices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("stays.move.on")}
        name="movedOn"
        value={movedOn}
        onChange={setMovedOn}
        error={submit.fieldError("movedOn")}
      />
    </StayForm>
  );
}

const plannedEndFields = ["plannedTo"];

/** Ändra planerat slut: empty means "the decision's end" is no longer planned (tills vidare). */
export function PlannedEndForm({ stay, panel }: FormProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(plannedEndFields, panel);
  const [plannedTo, setPlannedTo] = useState(stay.plannedTo ?? "");
  const save = () =>
    run(async () => {
      await api.changePlannedEnd(stay.id, plannedTo || null);
    }).then((ok) => ok && panel.onChanged());
  return (
    <StayForm
      submitLabel={t("stays.plannedEnd.save")}
      pending={submit.pending}
      onSubmit={save}
      errors={submit.errors}
    >
      <DateField
        label={t("stays.plannedEnd.label")}
        hint={
          stay.decisionPeriodTo
            ? t("stays.plannedEnd.hint", { to: stay.decisionPeriodTo })
            : undefined
        }
        name="plannedTo"
        value={plannedTo}
        onChange={setPlannedTo}
        error={submit.fieldError("plannedTo")}
      />
    </StayForm>
  );
}

const checkOutFields = ["leftOn", "endReason", "wentTo"];

/** Checka ut: the day she left, why the stay ended and, if known, where she went. */
export function CheckOutForm({ stay, panel }: FormProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(checkOutFields, panel);
  const [leftOn, setLeftOn] = useState("");
  const [endReason, setEndReason] = useState("");
  const [wentTo, setWentTo] = useState("");
  const save = () => {
    if (!endReason) {
      submit.reject({ endReason: t("stays.checkOut.chooseReason") });
      return Promise.resolve();
    }
    return run(async () => {
      await api.checkOut(stay.id, {
        leftOn,
        endReason: endReason as StayEndReason,
        ...(wentTo.trim() ? { wentTo: wentTo.trim() } : {}),
      });
    }).then((ok) => ok && panel.onChanged());
  };
  return (
    <StayForm
      submitLabel={t("stays.checkOut.save")}
      pending={submit.pending}
      onSubmit={save}
      errors={submit.errors}
    >
      <DateField
        label={t("stays.checkOut.leftOn")}
        name="leftOn"
        value={leftOn}
        onChange={setLeftOn}
        error={submit.fieldError("leftOn")}
      />
      <SelectField
        label={t("stays.checkOut.endReason")}
        value={endReason}
        error={submit.fieldError("endReason")}
        onChange={(e) => setEndReason(e.target.value)}
      >
        <option value="">{t("stays.choose")}</option>
        {stayEndReasons.map((r) => (
          <option key={r} value={r}>
            {t(stayEndReasonLabels[r])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("stays.checkOut.wentTo")}
        hint={t("stays.checkOut.wentToHint")}
        value={wentTo}
        maxLength={200}
        error={submit.fieldError("wentTo")}
        onChange={(e) => setWentTo(e.target.value)}
      />
    </StayForm>
  );
}

const followUpFields = ["followedUpOn", "note"];

/** Uppföljning after the stay ended: when it was done and what came of it. */
export function FollowUpForm({ stay, panel }: FormProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(followUpFields, panel);
  const [on, setOn] = useState(stay.followedUpOn ?? "");
  const [note, setNote] = useState(stay.followUpNote ?? "");
  const save = () =>
    run(async () => {
      await api.recordStayFollowUp(stay.id, { followedUpOn: on, note: note.trim() || null });
    }).then((ok) => ok && panel.onChanged());
  return (
    <StayForm
      submitLabel={t("stays.followUp.save")}
      pending={submit.pending}
      onSubmit={save}
      errors={submit.errors}
    >
      <DateField
        label={t("stays.followUp.on")}
        name="followedUpOn"
        value={on}
        onChange={setOn}
        error={submit.fieldError("followedUpOn")}
      />
      <TextAreaField
        label={t("stays.followUp.note")}
        value={note}
        maxLength={4000}
        error={submit.fieldError("note")}
        onChange={(e) => setNote(e.target.value)}
      />
    </StayForm>
  );
}
