import { type FormEvent, useState } from "react";
import type { ChatPeriod } from "../../../shared/chat-hours";
import { isUnitManager } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { type ChatSettingsView, chatSettingsKey } from "./api";

/*
 * A unit's chat as its managers set it: on or off, the hours of each weekday in Swedish time
 * (empty: closed that day), days off, how long a closed conversation is kept (hours, at most
 * 30 days) and the welcome text the young person reads.
 */
export function ChatSettingsPanel() {
  const { t } = useT();
  const me = useMe();
  const api = useApi();
  const query = useQuery(isUnitManager(me.roles) ? chatSettingsKey : null, (signal) =>
    api.chatSettings(signal),
  );
  if (!isUnitManager(me.roles)) return null;
  return (
    <section className="section" aria-labelledby="chat-settings">
      <h2 id="chat-settings">{t("chat.settings")}</h2>
      <Loaded state={query.state}>
        {(data) => data.units.map((unit) => <UnitSettings key={unit.unitId} unit={unit} />)}
      </Loaded>
    </section>
  );
}

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

const hoursOf = (unit: ChatSettingsView) =>
  Object.fromEntries(
    weekdays.map((d) => {
      const p = unit.hours.find((h) => h.weekday === d);
      return [d, { from: p?.from ?? "", to: p?.to ?? "" }];
    }),
  );

function UnitSettings({ unit }: { unit: ChatSettingsView }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(["hours", "retentionHours", "welcomeText"]);
  const [saved, setSaved] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(unit.enabled);
  const [daysOff, setDaysOff] = useState(unit.openOnDaysOff);
  const [retention, setRetention] = useState(String(unit.retentionHours));
  const [welcome, setWelcome] = useState(unit.welcomeText ?? "");
  const [hours, setHours] = useState<Hours>(() => hoursOf(unit));

  const label = t("chat.settingsOf", { unit: unit.unitName });
  async function handle(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const periods = periodsOf(hours);
    const ok = await submit.run(async () => {
      await api.saveChatSettings(unit.unitId, {
        enabled,
        hours: periods,
        openOnDaysOff: daysOff,
        retentionHours: Number(retention),
        welcomeText: welcome.trim() || null,
      });
      await invalidate(chatSettingsKey);
    });
    if (ok) setSaved(t("chat.saved"));
  }

  return (
    <form className="form" onSubmit={handle} noValidate aria-label={label}>
      <h3>{unit.unitName}</h3>
      <ErrorSummary errors={submit.errors} />
      <StatusMessage message={saved} />
      <CheckboxField
        label={t("chat.enabled")}
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <HoursFields hours={hours} setHours={setHours} />
      <CheckboxField
        label={t("chat.openOnDaysOff")}
        checked={daysOff}
        onChange={(e) => setDaysOff(e.target.checked)}
      />
      <KeepFields
        retention={[retention, setRetention]}
        welcome={[welcome, setWelcome]}
        error={submit.fieldError}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("chat.save")}
      </button>
    </form>
  );
}

type Hours = Record<number, { from: string; to: string }>;

const periodsOf = (hours: Hours): ChatPeriod[] =>
  weekdays
    .filter((d) => hours[d]?.from && hours[d]?.to)
    .map((d) => ({ weekday: d, from: hours[d]?.from ?? "", to: hours[d]?.to ?? "" }));

/** Each weekday's opening and closing time ("HH:MM", Swedish time); empty: closed. */
function HoursFields({ hours, setHours }: { hours: Hours; setHours: (hours: Hours) => void }) {
  const { t } = useT();
  const dayNames = t("chat.days").split(",");
  const setHour = (day: number, key: "from" | "to") => (e: { target: { value: string } }) =>
    setHours({
      ...hours,
      [day]: { from: hours[day]?.from ?? "", to: hours[day]?.to ?? "", [key]: e.target.value },
    });
  return (
    <fieldset className="fieldset">
      <legend>{t("chat.hoursLegend")}</legend>
      {weekdays.map((d) => (
        <div key={d} className="form--inline">
          <TextField
            label={t("chat.opens", { day: dayNames[d - 1] ?? "" })}
            name={`from-${d}`}
            placeholder="08:00"
            value={hours[d]?.from ?? ""}
            onChange={setHour(d, "from")}
          />
          <TextField
            label={t("chat.closes", { day: dayNames[d - 1] ?? "" })}
            name={`to-${d}`}
            placeholder="17:00"
            value={hours[d]?.to ?? ""}
            onChange={setHour(d, "to")}
          />
        </div>
      ))}
    </fieldset>
  );
}

type Pair = [string, (value: string) => void];

/** How long a closed conversation is kept, and the welcome text she reads. */
function KeepFields({
  retention: [retention, setRetention],
  welcome: [welcome, setWelcome],
  error,
}: {
  retention: Pair;
  welcome: Pair;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("chat.retention")}
        hint={t("chat.retentionHint")}
        name="retentionHours"
        inputMode="numeric"
        value={retention}
        onChange={(e) => setRetention(e.target.value)}
        error={error("retentionHours")}
      />
      <TextAreaField
        label={t("chat.welcome")}
        name="welcomeText"
        value={welcome}
        onChange={(e) => setWelcome(e.target.value)}
        error={error("welcomeText")}
      />
    </>
  );
}
