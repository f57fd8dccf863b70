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

function UnitSettings({ unit }: { unit: ChatSettingsView }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(["hours", "retentionHours", "welcomeText"]);
  const [saved, setSaved] = useState<string | null>(null);
  const dayNames = t("chat.days").split(",");
  const [enabled, setEnabled] = useState(unit.enabled);
  const [daysOff, setDaysOff] = useState(unit.openOnDaysOff);
  const [retention, setRetention] = useState(String(unit.retentionHours));
  const [welcome, setWelcome] = useState(unit.welcomeText ?? "");
  const [hours, setHours] = useState(
    () =>
      Object.fromEntries(
        weekdays.map((d) => {
          const p = unit.hours.find((h) => h.weekday === d);
          return [d, { from: p?.from ?? "", to: p?.to ?? "" }];
        }),
      ) as Record<number, { from: string; to: string }>,
  );
  const setHour = (day: number, key: "from" | "to") => (e: { target: { value: string } }) =>
    setHours({ ...hours, [day]: { ...hours[day], [key]: e.target.value } } as typeof hours);

  async function handle(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const periods: ChatPeriod[] = weekdays
      .filter((d) => hours[d]?.from && hours[d]?.to)
      .map((d) => ({ weekday: d, from: hours[d]?.from ?? "", to: hours[d]?.to ?? "" }));
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
    <form
      className="form"
      onSubmit={handle}
      noValidate
      aria-label={t("chat.settingsOf", { unit: unit.unitName })}
    >
      <h3>{unit.unitName}</h3>
      <ErrorSummary errors={submit.errors} />
      <StatusMessage message={saved} />
      <CheckboxField
        label={t("chat.enabled")}
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
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
      <CheckboxField
        label={t("chat.openOnDaysOff")}
        checked={daysOff}
        onChange={(e) => setDaysOff(e.target.checked)}
      />
      <TextField
        label={t("chat.retention")}
        hint={t("chat.retentionHint")}
        name="retentionHours"
        inputMode="numeric"
        value={retention}
        onChange={(e) => setRetention(e.target.value)}
        error={submit.fieldError("retentionHours")}
      />
      <TextAreaField
        label={t("chat.welcome")}
        name="welcomeText"
        value={welcome}
        onChange={(e) => setWelcome(e.target.value)}
        error={submit.fieldError("welcomeText")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("chat.save")}
      </button>
    </form>
  );
}
