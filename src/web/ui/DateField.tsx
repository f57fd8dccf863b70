import type { CalendarDate } from "@internationalized/date";
import { useCallback, useContext, useEffect, useRef, useState } from "react";
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateFieldStateContext,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
} from "react-aria-components";
import { useT } from "../i18n/useT";
import { entryText, readSegments, type SegmentView, toCalendarDate } from "./date-entry";
import { HintAndError, useFieldIds } from "./field-ids";
import "./date-field.css";

/*
 * The one date field of the web (ADR 0013): React Aria's DatePicker in the sv-SE locale, so it
 * shows and takes ÅÅÅÅ-MM-DD whatever the browser's language, with a calendar to pick from by
 * keyboard or pointer. Forms keep the date as text ("YYYY-MM-DD", as the API takes it) and get
 * it through onChange, as they did from <input type="date">.
 */

interface DateControlProps {
  /** The form's value: "YYYY-MM-DD", or "" for no date. */
  value: string;
  /** "YYYY-MM-DD" for a whole day, "" when emptied, a text no date check accepts when half-filled. */
  onChange: (value: string) => void;
  name: string;
  /** Earliest and latest day the calendar offers ("YYYY-MM-DD"); the server still decides. */
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean | undefined;
}

/** A labelled date field with hint and error, framed like every other field (Field.tsx). */
export function DateField(
  props: DateControlProps & {
    label: string;
    hint?: string | undefined;
    error?: string | undefined;
  },
) {
  return <DateControl {...props} className="field" labelClassName="field__label" />;
}

/**
 * The picker itself: label, hint and error, segments, calendar button and calendar. A
 * half-filled date shows "Ange datum som ÅÅÅÅ-MM-DD" in place of the form's message once the
 * person leaves the field. Inside a date-and-time pair (DateTimeField) the pair's hint and
 * error describe it too (`describedBy`, `invalid`).
 */
export function DateControl(
  props: DateControlProps & {
    label: string;
    labelClassName?: string;
    className: string;
    hint?: string | undefined;
    error?: string | undefined;
    describedBy?: string | undefined;
    invalid?: boolean;
  },
) {
  const { t } = useT();
  const text = useDateText(props.value, props.onChange);
  const [focused, setFocused] = useState(false);
  const error = text.unfinished && !focused ? t("dateField.unfinished") : props.error;
  const ids = useFieldIds(props.hint, error);
  const describedBy = [props.describedBy, ids.controlProps["aria-describedby"]].filter(Boolean);
  return (
    <div className={error ? `${props.className} field--invalid` : props.className}>
      <I18nProvider locale="sv-SE">
        <DatePicker
          key={text.generation}
          className="date-field"
          value={text.picked}
          onChange={text.setPicked}
          name={props.name}
          minValue={toCalendarDate(props.min ?? "")}
          maxValue={toCalendarDate(props.max ?? "")}
          isRequired={props.required}
          // Frid's forms check on submit and show their own words; no browser bubbles.
          validationBehavior="aria"
          isInvalid={Boolean(error) || Boolean(props.invalid)}
          aria-describedby={describedBy.join(" ") || undefined}
          shouldForceLeadingZeros
          granularity="day"
          onFocusChange={setFocused}
        >
          <Label className={props.labelClassName}>{props.label}</Label>
          <HintAndError hint={props.hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
          <Group className="date-field__group">
            <DateInput className="date-field__input">
              {(segment) => (
                <>
                  {segment.type === "year" && <SegmentsWatch onSegments={text.report} />}
                  <DateSegment segment={segment} className="date-field__segment" />
                </>
              )}
            </DateInput>
            <Button className="date-field__button" aria-label={t("dateField.openCalendar")}>
              <CalendarIcon />
            </Button>
          </Group>
          <CalendarPopover />
        </DatePicker>
      </I18nProvider>
    </div>
  );
}

/**
 * Between the form's text and the picker: the picker's value (only ever a whole day or null;
 * a half-typed date is display state the library keeps), and `report`, which gives the form
 * the text the segments show (date-entry.ts). A value the field did not give is the form's
 * own (a reset after saving): the picker starts again from it (a new `generation`),
 * forgetting anything half-typed.
 */
function useDateText(value: string, onChange: (value: string) => void) {
  const [picked, setPicked] = useState<CalendarDate | null>(() => toCalendarDate(value));
  const [given, setGiven] = useState(value);
  const [generation, setGeneration] = useState(0);
  const [unfinished, setUnfinished] = useState(false);
  if (value !== given) {
    setGiven(value);
    setPicked(toCalendarDate(value));
    setUnfinished(false);
    setGeneration((g) => g + 1);
  }
  const latest = useRef(value);
  latest.current = value;
  const report = useCallback(
    (segments: readonly SegmentView[]) => {
      const entry = readSegments(segments);
      setUnfinished(entry.kind === "unfinished");
      const text = entryText(entry);
      if (text === latest.current) return;
      latest.current = text;
      setGiven(text);
      onChange(text);
    },
    [onChange],
  );
  return { picked, setPicked, generation, unfinished, report };
}

/**
 * A date field and a time input that together give one value (e.g. "when it happened"):
 * a fieldset whose legend names the pair, with one hint and one error for both.
 */
export function DateTimeField({
  label,
  hint,
  error,
  dateLabel,
  timeLabel,
  date,
  time,
  onDateChange,
  onTimeChange,
  maxDate,
  name,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  dateLabel: string;
  timeLabel: string;
  date: string;
  time: string;
  onDateChange: (value: string) => void;
  onTimeChange: (value: string) => void;
  maxDate?: string;
  /** Prefix of the inputs' names: `${name}Date`, `${name}Time`. */
  name: string;
}) {
  const ids = useFieldIds(hint, error);
  const shared = {
    "aria-describedby": ids.controlProps["aria-describedby"],
    "aria-invalid": ids.controlProps["aria-invalid"],
  };
  return (
    <fieldset className={error ? "field field--group field--invalid" : "field field--group"}>
      <legend className="field__label">{label}</legend>
      <HintAndError hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
      <div className="field__row">
        <DateControl
          className="field__part"
          label={dateLabel}
          name={`${name}Date`}
          value={date}
          max={maxDate}
          onChange={onDateChange}
          describedBy={shared["aria-describedby"]}
          invalid={Boolean(error)}
        />
        <TimePart
          id={`${ids.id}-time`}
          label={timeLabel}
          name={`${name}Time`}
          value={time}
          onChange={onTimeChange}
          shared={shared}
        />
      </div>
    </fieldset>
  );
}

/** The time of a date-and-time pair; the pair's hint and error describe both. */
function TimePart({
  id,
  label,
  name,
  value,
  onChange,
  shared,
}: {
  id: string;
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  shared: { "aria-describedby": string | undefined; "aria-invalid": boolean | undefined };
}) {
  return (
    <div className="field__part">
      <label htmlFor={id}>{label}</label>
      <input
        className="field__control"
        type="time"
        name={name}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...shared}
      />
    </div>
  );
}

/** Reports the field's segments whenever they change (rendered inside the field's state). */
function SegmentsWatch({ onSegments }: { onSegments: (segments: readonly SegmentView[]) => void }) {
  const segments = useContext(DateFieldStateContext)?.segments;
  useEffect(() => {
    if (segments) onSegments(segments);
  }, [segments, onSegments]);
  return null;
}

/**
 * One month's grid under the field, Swedish month names and weekdays, Monday first (the sv-SE
 * locale); focus moves into it on opening and back to the field when a day is chosen.
 */
function CalendarPopover() {
  return (
    <Popover className="date-field__popover" placement="bottom start">
      <Dialog className="date-field__dialog">
        <MonthCalendar />
      </Dialog>
    </Popover>
  );
}

function MonthCalendar() {
  return (
    <Calendar className="date-field__calendar">
      <header className="date-field__calendar-header">
        <Button slot="previous" className="date-field__nav">
          <span aria-hidden="true">‹</span>
        </Button>
        <Heading className="date-field__month" />
        <Button slot="next" className="date-field__nav">
          <span aria-hidden="true">›</span>
        </Button>
      </header>
      <CalendarGrid className="date-field__grid">
        {(date) => <CalendarCell date={date} className="date-field__day" />}
      </CalendarGrid>
    </Calendar>
  );
}

function CalendarIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <rect x="2.5" y="4" width="15" height="13.5" rx="1.5" />
      <path d="M2.5 8h15M6.5 2v4M13.5 2v4" />
    </svg>
  );
}
