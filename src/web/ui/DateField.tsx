import type { CalendarDate } from "@internationalized/date";
import { type ReactNode, useCallback, useContext, useEffect, useId, useRef, useState } from "react";
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
export function DateField({
  label,
  hint,
  error,
  ...control
}: DateControlProps & { label: string; hint?: string | undefined; error?: string | undefined }) {
  const ids = useFieldIds(hint, error);
  return (
    <DateControl
      {...control}
      label={label}
      labelClassName="field__label"
      className={error ? "field field--invalid" : "field"}
      describedBy={ids.controlProps["aria-describedby"]}
      invalid={Boolean(error)}
    >
      <HintAndError hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </DateControl>
  );
}

/**
 * The picker itself: label, segments, calendar button and calendar. The caller gives the
 * frame (a field, or one part of a date-and-time pair) and what describes the control.
 */
export function DateControl(
  props: DateControlProps & {
    label: string;
    labelClassName?: string;
    className: string;
    describedBy: string | undefined;
    invalid: boolean;
    children?: ReactNode;
  },
) {
  const { t } = useT();
  const { value, onChange } = props;
  // The library's value: only ever a whole day or null. The form's text may be a half-filled
  // date, which the library keeps as display state of its own; see date-entry.ts.
  const [picked, setPicked] = useState<CalendarDate | null>(() => toCalendarDate(value));
  // The last text this field gave the form. A different value means the form set it (a reset
  // after saving): the picker starts again from it, forgetting anything half-typed.
  const [given, setGiven] = useState(value);
  const [generation, setGeneration] = useState(0);
  if (value !== given) {
    setGiven(value);
    setPicked(toCalendarDate(value));
    setGeneration((g) => g + 1);
  }
  const [focused, setFocused] = useState(false);
  const [unfinished, setUnfinished] = useState(false);
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

  const ownError = unfinished && !focused && !props.invalid;
  const errorId = `${useId()}-unfinished`;
  const describedBy = [props.describedBy, ownError ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={ownError ? `${props.className} field--invalid` : props.className}>
      <I18nProvider locale="sv-SE">
        <DatePicker
          key={generation}
          className="date-field"
          value={picked}
          onChange={setPicked}
          name={props.name}
          minValue={toCalendarDate(props.min ?? "")}
          maxValue={toCalendarDate(props.max ?? "")}
          isRequired={props.required}
          // Frid's forms check on submit and show the server's words; no browser bubbles.
          validationBehavior="aria"
          isInvalid={props.invalid || ownError}
          aria-describedby={describedBy || undefined}
          shouldForceLeadingZeros
          granularity="day"
          onFocusChange={setFocused}
        >
          <Label className={props.labelClassName}>{props.label}</Label>
          {props.children}
          {ownError && (
            <p className="field__error" id={errorId}>
              {t("dateField.unfinished")}
            </p>
          )}
          <Group className="date-field__group">
            <DateInput className="date-field__input">
              {(segment) => (
                <>
                  {segment.type === "year" && <SegmentsWatch onSegments={report} />}
                  <DateSegment segment={segment} className="date-field__segment" />
                </>
              )}
            </DateInput>
            <Button className="date-field__button" aria-label={t("dateField.openCalendar")}>
              <CalendarIcon />
            </Button>
          </Group>
          <Popover className="date-field__popover" placement="bottom start">
            <Dialog className="date-field__dialog">
              <MonthCalendar />
            </Dialog>
          </Popover>
        </DatePicker>
      </I18nProvider>
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

/** One month's grid, Swedish month names and weekdays, Monday first (the sv-SE locale). */
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
