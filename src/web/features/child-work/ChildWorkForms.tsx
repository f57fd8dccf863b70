import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { ChildWork } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useChange } from "../../hooks/useChange";
import type { Submit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { DateForm } from "../../ui/DateForm";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { ChildWorkAnchor } from "./ChildWorkPanel";

/*
 * The forms of a child's work that every part shares: how a form tells the panel, a titled
 * form frame, and the opening and closing of the work. Each form sends what the person wrote
 * and shows the server's own messages by the fields.
 */

/** How a form tells the panel it changed a work. */
export interface Changed {
  beforeChange: () => void;
  onStale: () => void;
  onChanged: (work: ChildWork, message: PlainMessageKey) => void;
}

export const today = () => localDateInput(new Date());

/** A titled form (an h5 inside the work's parts) with its error summary and submit button. */
export function FormFrame(props: {
  title: string;
  intro?: string;
  submit: Submit;
  submitLabel: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const titleId = `${useId()}-title`;
  return (
    <>
      <h5 id={titleId}>{props.title}</h5>
      {props.intro && <p className="muted">{props.intro}</p>}
      <ErrorSummary errors={props.submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={props.onSubmit} noValidate>
        {props.children}
        <button type="submit" className="button" disabled={props.submit.pending}>
          {props.submitLabel}
        </button>
      </form>
    </>
  );
}

/**
 * Runs a command that answers the work: the form's submit state, and a `send` that tells
 * the panel with `done` when it went through (then `after`, e.g. to empty the form).
 */
export function useWorkCommand(fields: readonly string[], changed: Changed) {
  const { submit, run } = useChange(fields, changed);
  const send = (
    event: FormEvent,
    command: () => Promise<{ work: ChildWork }>,
    done: PlainMessageKey,
    after?: () => void,
  ) => {
    event.preventDefault();
    return run(async () => {
      const { work } = await command();
      after?.();
      changed.onChanged(work, done);
    });
  };
  return { submit, send };
}

/** Opens the work: in a case, for one of its children; as a service, in the course. */
export function OpenForm({
  anchor,
  choices,
  ...changed
}: Changed & { anchor: ChildWorkAnchor; choices: { personId: string; name: string }[] }) {
  const { t } = useT();
  const api = useApi();
  const { submit, send } = useWorkCommand(["personId", "openedOn"], changed);
  const [personId, setPersonId] = useState(choices.length === 1 ? choices[0]!.personId : "");
  const [openedOn, setOpenedOn] = useState(today);

  const onSubmit = (event: FormEvent) =>
    send(
      event,
      () =>
        "caseId" in anchor
          ? api.openCaseChildWork(anchor.caseId, { personId, openedOn })
          : api.openCourseChildWork(anchor.courseId, { openedOn }),
      "childWork.opened",
    );

  return (
    <FormFrame
      title={t("childWork.openTitle")}
      submit={submit}
      submitLabel={t("childWork.openSubmit")}
      onSubmit={onSubmit}
    >
      {"caseId" in anchor && (
        <SelectField
          label={t("childWork.child")}
          name="personId"
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
          error={submit.fieldError("personId")}
        >
          <option value="">{t("childWork.choose")}</option>
          {choices.map((c) => (
            <option key={c.personId} value={c.personId}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      <DateField
        label={t("childWork.openedOn")}
        name="openedOn"
        max={today()}
        value={openedOn}
        onChange={setOpenedOn}
        error={submit.fieldError("openedOn")}
      />
    </FormFrame>
  );
}

/** Closes the work (a series still going ends the same day). */
export function CloseForm({ work, ...changed }: Changed & { work: ChildWork }) {
  const { t } = useT();
  const api = useApi();
  const { submit, send } = useWorkCommand(["closedOn"], changed);
  const [closedOn, setClosedOn] = useState(today);
  return (
    <DateForm
      title={t("childWork.close")}
      titleHidden
      level="h5"
      intro={t("childWork.closeIntro")}
      label={t("childWork.closedOnLabel")}
      name="closedOn"
      value={closedOn}
      onChange={setClosedOn}
      submitLabel={t("childWork.closeSubmit")}
      submit={submit}
      onSubmit={(event) =>
        send(event, () => api.closeChildWork(work.id, closedOn), "childWork.closed")
      }
    />
  );
}

/** The worker's own notes on a record (optional). */
export function NotesField(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <TextAreaField
      label={t("childWork.notes")}
      name="notes"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
    />
  );
}
