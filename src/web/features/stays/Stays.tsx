import { type ReactNode, useState } from "react";
import { stockholmDate } from "../../../shared/calendar";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { stayEndReasonLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { StayCosts } from "../costs/StayCosts";
import type { StayView } from "./api";
import { NewStay } from "./NewStay";
import { SchoolForm } from "./SchoolForm";
import {
  CheckOutForm,
  FollowUpForm,
  MoveForm,
  PlannedEndForm,
  type StayPanelLink,
} from "./StayForms";

/*
 * Boende: the case's stays in sheltered housing, emergency flats and other housing — where
 * (the place's name, never its address), when, who, the moves and the ending, each child's
 * school — with the forms that change a stay, present only when the case may be changed.
 */
const titleId = "stays-title";

export function StaysPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const stays = useQuery(
    ["case", record.id, "stays"],
    async (signal) => (await api.caseStays(record.id, signal)).stays,
  );
  const [message, setMessage] = useState<string | null>(null);
  const invalidate = useInvalidate();
  const panel: StayPanelLink = {
    beforeChange: () => setMessage(null),
    onStale: stays.reload,
    onChanged: () => {
      setMessage(t("stays.changed"));
      stays.reload();
    },
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
              <StayCard
                key={stay.id}
                stay={stay}
                canWrite={record.abilities.change}
                panel={panel}
              />
            ))}
          </>
        )}
      </Loaded>
      {/* One planned or ongoing stay at a time: a change of place is a move, not a new stay. */}
      {record.abilities.change && !hasOpenStay(stays.state) && (
        <OnDemand label={t("stays.new")}>
          <NewStay
            record={record}
            onStarted={() => {
              setMessage(t("stays.started"));
              stays.reload();
              // The hold it came from is now "Blev vistelse", and the place is taken.
              invalidate(["holds", record.id], ["vacancies", {}]);
            }}
          />
        </OnDemand>
      )}
    </section>
  );
}

function hasOpenStay(state: { status: string; data?: StayView[] }) {
  if (state.status !== "ready") return true;
  return (state.data ?? []).some((s) => s.status === "planned" || s.status === "ongoing");
}

function StayCard({
  stay,
  canWrite,
  panel,
}: {
  stay: StayView;
  canWrite: boolean;
  panel: StayPanelLink;
}) {
  const { t } = useT();
  const headingId = `stay-${stay.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {stay.place.name} · {t(`stays.status.${stay.status}`)}
      </h3>
      <StayFacts stay={stay} />
      {canWrite && <StayActions stay={stay} panel={panel} />}
      {stay.status !== "cancelled" && (
        <OnDemand label={t("stays.costs")}>
          <StayCosts stayId={stay.id} />
        </OnDemand>
      )}
    </article>
  );
}

/** What the case side knows of a stay: period, who, the moves, the ending and the follow-up. */
function StayFacts({ stay }: { stay: StayView }) {
  const { t, lang } = useT();
  const day = (iso: string) => formatDay(iso, lang);
  const until = (iso: string | null) => (iso ? day(iso) : t("stays.open"));
  return (
    <dl className="details">
      <Fact term={t("stays.kind")}>{t(`stays.kind.${stay.interventionKind}`)}</Fact>
      <Fact term={t("stays.when")}>
        {t("stays.period", {
          from: day(stay.arrivedOn ?? stay.plannedFrom),
          to: until(stay.leftOn ?? stay.plannedTo),
        })}
      </Fact>
      <Fact term={t("stays.members")}>{stay.members.map((m) => m.name).join(", ")}</Fact>
      {stay.members
        .filter((m) => m.role === "child")
        .map((child) => (
          <Fact key={child.personId} term={`${t("stays.school")}: ${child.name}`}>
            {schoolText(child, t, day)}
          </Fact>
        ))}
      {stay.segments.length > 1 && (
        <Fact term={t("stays.segments")}>
          <ol className="plain-list">
            {stay.segments.map((g) => (
              <li key={g.id}>
                {t("stays.segment", {
                  place: g.place.name,
                  from: day(g.fromOn),
                  to: until(g.toOn),
                })}
              </li>
            ))}
          </ol>
        </Fact>
      )}
      {stay.endReason && (
        <Fact term={t("stays.ending")}>
          {t(stayEndReasonLabels[stay.endReason])}
          {stay.wentTo && ` · ${t("stays.wentTo", { place: stay.wentTo })}`}
        </Fact>
      )}
      {stay.followedUpOn && (
        <Fact term={t("stays.followUp")}>
          {day(stay.followedUpOn)}
          {stay.followUpNote && ` · ${stay.followUpNote}`}
        </Fact>
      )}
    </dl>
  );
}

/** A child's schooling in one line: where and since when, or that it is not arranged yet. */
function schoolText(
  child: StayView["members"][number],
  t: ReturnType<typeof useT>["t"],
  day: (iso: string) => string,
) {
  if (child.schoolKind === "none_needed") return t("stays.schoolKind.none_needed");
  if (!child.schoolArrangedOn) return t("stays.schoolNotArranged");
  const where = [child.schoolName, child.schoolMunicipality].filter(Boolean).join(", ");
  return t("stays.schoolArranged", { where, on: day(child.schoolArrangedOn) });
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The commands a stay offers in its state; the forms open on demand. */
function StayActions({ stay, panel }: { stay: StayView; panel: StayPanelLink }) {
  const { t } = useT();
  const open = stay.status === "planned" || stay.status === "ongoing";
  return (
    <>
      {stay.status === "planned" && <PlannedButtons stay={stay} panel={panel} />}
      {stay.status === "ongoing" && (
        <OnDemand label={t("stays.checkOut")}>
          <CheckOutForm stay={stay} panel={panel} />
        </OnDemand>
      )}
      {open && (
        <>
          <OnDemand label={t("stays.move")}>
            <MoveForm stay={stay} panel={panel} />
          </OnDemand>
          <OnDemand label={t("stays.plannedEnd")}>
            <PlannedEndForm stay={stay} panel={panel} />
          </OnDemand>
        </>
      )}
      {stay.status === "ended" && (
        <OnDemand label={t("stays.followUp")}>
          <FollowUpForm stay={stay} panel={panel} />
        </OnDemand>
      )}
      {stay.status !== "cancelled" &&
        stay.members
          .filter((m) => m.role === "child")
          .map((child) => (
            <OnDemand key={child.personId} label={`${t("stays.school")}: ${child.name}`}>
              <SchoolForm stayId={stay.id} child={child} panel={panel} />
            </OnDemand>
          ))}
    </>
  );
}

/** A planned stay: she arrives today (the shelter's staff may record the day), or it is cancelled. */
function PlannedButtons({ stay, panel }: { stay: StayView; panel: StayPanelLink }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  const today = stockholmDate(new Date());
  const act = (action: () => Promise<unknown>) => {
    panel.beforeChange();
    void submit.run(async () => void (await action())).then((ok) => ok && panel.onChanged());
  };
  return (
    <div>
      <ErrorSummary errors={submit.errors} />
      <button
        type="button"
        className="button"
        onClick={() => act(() => api.checkIn(stay.id, today))}
      >
        {t("stays.checkIn")}
      </button>{" "}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => act(() => api.cancelStay(stay.id))}
      >
        {t("stays.cancel")}
      </button>
    </div>
  );
}
