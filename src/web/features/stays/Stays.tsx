import { useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { useCaseDecisions } from "../decisions/Decisions";
import type { StayView } from "./api";

/*
 * Boende: the case's stays in sheltered housing, emergency flats and other housing — where
 * (the place's name, never its address), when, who, each child's school — and "Ny vistelse"
 * from a granted housing decision.
 */
const titleId = "stays-title";
const housing = ["sheltered_housing", "emergency_flat", "other_housing"];

export function StaysPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const stays = useQuery(
    ["case", record.id, "stays"],
    async (signal) => (await api.caseStays(record.id, signal)).stays,
  );
  const [message, setMessage] = useState<string | null>(null);
  const changed = () => {
    setMessage(t("stays.changed"));
    stays.reload();
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("stays.title")}</h2>
      <StatusMessage message={message} />
      <Loaded state={stays.state}>
        {(data) => (
          <>
            {data.length === 0 && <p className="empty">{t("stays.empty")}</p>}
            {data.map((stay) => (
              <Stay
                key={stay.id}
                stay={stay}
                canWrite={record.abilities.change}
                onChanged={changed}
              />
            ))}
          </>
        )}
      </Loaded>
      {record.abilities.change && (
        <OnDemand label={t("stays.new")}>
          <NewStay record={record} onStarted={changed} />
        </OnDemand>
      )}
    </section>
  );
}

function Stay({
  stay,
  canWrite,
  onChanged,
}: {
  stay: StayView;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  const today = new Date().toISOString().slice(0, 10);
  const act = (action: () => Promise<unknown>) =>
    submit.run(async () => void (await action())).then((ok) => ok && onChanged());
  return (
    <article className="card">
      <h3>
        {stay.place.name} · {t(`stays.status.${stay.status}`)}
      </h3>
      <p>
        {t("stays.period", {
          from: stay.arrivedOn ?? stay.plannedFrom,
          to: stay.leftOn ?? stay.plannedTo ?? t("stays.open"),
        })}
        {stay.endReason && ` · ${t(`stays.endReason.${stay.endReason}`)}`}
      </p>
      <p>
        {t("stays.members")}: {stay.members.map((m) => m.name).join(", ")}
      </p>
      <ErrorSummary errors={submit.errors} />
      {canWrite && stay.status === "planned" && (
        <>
          <button type="button" onClick={() => act(() => api.checkIn(stay.id, today))}>
            {t("stays.checkIn")}
          </button>{" "}
          <button type="button" onClick={() => act(() => api.cancelStay(stay.id))}>
            {t("stays.cancel")}
          </button>
        </>
      )}
      {canWrite && stay.status === "ongoing" && (
        <button
          type="button"
          onClick={() =>
            act(() => api.checkOut(stay.id, { leftOn: today, endReason: "own_housing" }))
          }
        >
          {t("stays.checkOut")}
        </button>
      )}
      {canWrite &&
        stay.status !== "cancelled" &&
        stay.members
          .filter((m) => m.role === "child")
          .map((child) => (
            <OnDemand key={child.personId} label={`${t("stays.school")}: ${child.name}`}>
              <SchoolForm stayId={stay.id} child={child} onSaved={onChanged} />
            </OnDemand>
          ))}
    </article>
  );
}

function SchoolForm({
  stayId,
  child,
  onSaved,
}: {
  stayId: string;
  child: StayView["members"][number];
  onSaved: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["schoolKind", "schoolName", "schoolMunicipality", "schoolArrangedOn"]);
  const [kind, setKind] = useState(child.schoolKind ?? "");
  const [name, setName] = useState(child.schoolName ?? "");
  const [municipality, setMunicipality] = useState(child.schoolMunicipality ?? "");
  const [arranged, setArranged] = useState(child.schoolArrangedOn ?? "");
  const save = () =>
    submit
      .run(async () => {
        await api.saveChildSchool(stayId, child.personId, {
          schoolKind: (kind || null) as "school" | null,
          schoolName: name || null,
          schoolMunicipality: municipality || null,
          schoolContactedOn: child.schoolContactedOn,
          schoolArrangedOn: arranged || null,
          schoolTransport: child.schoolTransport,
          shelterContactPerson: child.shelterContactPerson,
          childView: child.childView,
        });
      })
      .then((ok) => ok && onSaved());
  const id = `school-${stayId}-${child.personId}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorSummary errors={submit.errors} />
      <label className="field" htmlFor={`${id}-kind`}>
        <span className="field__label">{t("stays.schoolKind")}</span>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t("stays.choose")}</option>
          {(["preschool", "school", "none_needed"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`stays.schoolKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-name`}>
        <span className="field__label">{t("stays.schoolName")}</span>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field" htmlFor={`${id}-municipality`}>
        <span className="field__label">{t("stays.schoolMunicipality")}</span>
        <input
          id={`${id}-municipality`}
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
        />
      </label>
      <DateField
        label={t("stays.schoolArrangedOn")}
        name="schoolArrangedOn"
        value={arranged}
        onChange={setArranged}
        error={submit.fieldError("schoolArrangedOn")}
      />
      <button type="submit" disabled={submit.pending}>
        {t("stays.saveSchool")}
      </button>
    </form>
  );
}

function NewStay({ record, onStarted }: { record: CaseView; onStarted: () => void }) {
  const { t } = useT();
  const api = useApi();
  const decisions = useCaseDecisions(record.id).state;
  const places = useQuery(["places"], (signal) => api.places(signal));
  // A live hold on the chosen place becomes the stay (the places part's "Boendeplats").
  const holds = useQuery(["holds", record.id], (signal) => api.holds(record.id, signal));
  const relations = useQuery(["case", record.id, "relations"], (signal) =>
    api.relations(record.id, signal),
  );
  const submit = useSubmit(["decisionId", "placeId", "plannedFrom", "plannedTo", "children"]);
  const [decisionId, setDecisionId] = useState("");
  const [placeId, setPlaceId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [children, setChildren] = useState<string[]>([]);
  const granted =
    decisions.status === "ready"
      ? decisions.data.decisions.filter(
          (d) => housing.includes(d.interventionKind) && d.outcome !== "denied",
        )
      : [];
  const kids =
    relations.state.status === "ready"
      ? relations.state.data.relations.filter((r) => r.kind === "child")
      : [];
  const kindOf = granted.find((d) => d.id === decisionId)?.interventionKind;
  const choices =
    places.state.status === "ready"
      ? places.state.data.places.filter((p) => p.kind === kindOf && p.closedOn === null)
      : [];
  const holdId =
    holds.state.status === "ready"
      ? (holds.state.data.holds.find((h) => h.placeId === placeId && h.state === "live")?.id ??
        null)
      : null;
  if (decisions.status === "ready" && granted.length === 0) return <p>{t("stays.noDecision")}</p>;
  const start = () =>
    submit
      .run(async () => {
        await api.startStay(record.id, {
          decisionId,
          placeId,
          plannedFrom: from,
          plannedTo: to || null,
          children,
          holdId,
        });
      })
      .then((ok) => ok && onStarted());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <ErrorSummary errors={submit.errors} />
      <label className="field" htmlFor="stay-decision">
        <span className="field__label">{t("stays.decision")}</span>
        <select
          id="stay-decision"
          value={decisionId}
          onChange={(e) => setDecisionId(e.target.value)}
        >
          <option value="">{t("stays.choose")}</option>
          {granted.map((d) => (
            <option
              key={d.id}
              value={d.id}
            >{`${d.interventionName} ${d.periodFrom ?? ""}–${d.periodTo ?? ""}`}</option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor="stay-place">
        <span className="field__label">{t("stays.place")}</span>
        <select id="stay-place" value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
          <option value="">{t("stays.choose")}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <DateField
        label={t("stays.plannedFrom")}
        name="plannedFrom"
        value={from}
        onChange={setFrom}
        error={submit.fieldError("plannedFrom")}
      />
      <DateField
        label={t("stays.plannedTo")}
        name="plannedTo"
        value={to}
        onChange={setTo}
        error={submit.fieldError("plannedTo")}
      />
      {kids.length > 0 && (
        <fieldset>
          <legend>{t("stays.children")}</legend>
          {kids.map((k) => (
            <label key={k.otherPerson.id}>
              <input
                type="checkbox"
                checked={children.includes(k.otherPerson.id)}
                onChange={(e) =>
                  setChildren((c) =>
                    e.target.checked
                      ? [...c, k.otherPerson.id]
                      : c.filter((x) => x !== k.otherPerson.id),
                  )
                }
              />{" "}
              {k.otherPerson.name}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={submit.pending}>
        {t("stays.start")}
      </button>
    </form>
  );
}
