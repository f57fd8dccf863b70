import { Fragment, type ReactNode, useRef, useState } from "react";
import type {
  CaseView,
  DecisionListView,
  DecisionView,
  LetterDeliveryView,
  PlacementView,
} from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type Query, useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { decisionOutcomeLabels, interventionLabel, letterReasonLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { DecisionForm } from "./DecisionForm";
import { legalReferenceParts, withDecision, withPlacement } from "./decisions-model";
import { PlacementFacts } from "./Placement";
import { PlacementForms } from "./PlacementForms";

/*
 * Beslut: decisions on interventions, each with its legal basis, outcome, period and
 * reasoning; a denial (in whole or in part) carries how to appeal. The server decides when
 * a decision may be made (while the case is investigated or carried out) and says so.
 */

const titleId = "decisions-title";

export const decisionElementId = (decisionId: string) => `decision-${decisionId}`;

/** "Skyddat boende: Beviljas": how a decision is named in headings and forms. */
export function useDecisionName() {
  const { t } = useT();
  return (decision: DecisionView) =>
    t("decisions.itemTitle", {
      intervention: interventionLabel(decision.interventionKind, decision.interventionName, t),
      outcome: t(decisionOutcomeLabels[decision.outcome]),
    });
}

/**
 * The case's decisions, under ["case", id, "decisions"]: one read shared (through the query
 * cache) with the plans panel, which offers a plan for each granted decision.
 */
export function useCaseDecisions(caseId: string): Query<DecisionListView> {
  const api = useApi();
  return useQuery(["case", caseId, "decisions"], (signal) => api.decisions(caseId, signal));
}

export function DecisionsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const { decisions, message, setMessage, placementChanged, recorded } = useDecisionChanges(
    record.id,
  );
  const { state, reload } = decisions;
  // Nothing more is decided or recorded on a closed case; it can be reopened.
  const canWrite = record.abilities.change;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("decisions.title")}</h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) =>
          data.decisions.length === 0 ? (
            <p className="empty">{t("decisions.empty")}</p>
          ) : (
            <DecisionList
              caseId={record.id}
              data={data}
              caseOpen={canWrite}
              beforeChange={() => setMessage(null)}
              onPlacementChanged={placementChanged}
              onStale={reload}
            />
          )
        }
      </Loaded>
      {canWrite && !record.abilities.decide && <p className="muted">{t("decisions.notYet")}</p>}
      {record.abilities.decide && state.status === "ready" && (
        <OnDemand label={t("decisions.newTitle")}>
          <DecisionForm
            caseId={record.id}
            caseType={record.caseType}
            beforeSubmit={() => setMessage(null)}
            onRecorded={recorded}
          />
        </OnDemand>
      )}
    </section>
  );
}

/** The decisions with the panel's message: a change puts itself into the list and says so. */
function useDecisionChanges(caseId: string) {
  const decisions = useCaseDecisions(caseId);
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData } = decisions;
  // The answer arrives after later renders: change the list as it is then.
  const latest = useRef(state.status === "ready" ? state.data : null);
  latest.current = state.status === "ready" ? state.data : null;

  function placementChanged(decisionId: string, placement: PlacementView, key: PlainMessageKey) {
    const list = latest.current;
    if (list) {
      setData({
        ...list,
        decisions: withPlacement(list.decisions, decisionId, placement),
      });
    }
    setMessage(key);
    focusLater(decisionElementId(decisionId));
  }

  function recorded(decision: DecisionView) {
    const list = latest.current;
    if (list) setData({ ...list, decisions: withDecision(list.decisions, decision) });
    setMessage("decisions.recorded");
    focusLater(decisionElementId(decision.id));
  }

  return { decisions, message, setMessage, placementChanged, recorded };
}

interface DecisionListProps {
  caseId: string;
  data: DecisionListView;
  caseOpen: boolean;
  beforeChange: () => void;
  onPlacementChanged: (decisionId: string, placement: PlacementView, key: PlainMessageKey) => void;
  onStale: () => void;
}

/** The letter advice, then each decision with its placement (facts and forms) when it has one. */
function DecisionList({
  caseId,
  data,
  caseOpen,
  beforeChange,
  onPlacementChanged,
  onStale,
}: DecisionListProps) {
  const { t } = useT();
  const api = useApi();
  return (
    <>
      <LetterAdvice delivery={data.letterDelivery} />
      <ol className="record-list" aria-label={t("decisions.listCaption")}>
        {data.decisions.map((decision) => (
          <li key={decision.id} className="record-list__item">
            <Decision decision={decision} letterUrl={api.decisionLetterUrl(caseId, decision.id)}>
              {decision.childPlacement && (
                <>
                  <PlacementFacts
                    placement={decision.childPlacement}
                    titleId={`${decisionElementId(decision.id)}-placement`}
                  />
                  <PlacementForms
                    caseId={caseId}
                    decisionId={decision.id}
                    placement={decision.childPlacement}
                    caseOpen={caseOpen}
                    beforeChange={beforeChange}
                    onChanged={(placement: PlacementView, key: PlainMessageKey) =>
                      onPlacementChanged(decision.id, placement, key)
                    }
                    onStale={onStale}
                  />
                </>
              )}
            </Decision>
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * How the letter may reach the person, from their protection and safe-contact answers: said
 * in words in a notice with a heading, never by colour alone.
 */
function LetterAdvice({ delivery }: { delivery: LetterDeliveryView }) {
  const { t } = useT();
  const id = "letter-advice-title";
  return (
    <section className="notice letter-advice" aria-labelledby={id}>
      <h3 id={id} className="notice__title">
        {t("letter.title")}
      </h3>
      <p className="letter-advice__text">
        <strong>
          {delivery.method === "post"
            ? t("letter.post")
            : delivery.method === "forwarding"
              ? t("letter.forwarding")
              : t("letter.handOver")}
        </strong>
        {delivery.method === "hand_over" && delivery.reason && (
          <> {t(letterReasonLabels[delivery.reason])}</>
        )}
      </p>
      {delivery.warning === "confidentiality_marking" && (
        <p className="letter-advice__text">
          <strong>{t("letter.warning.confidentiality_marking")}</strong>
        </p>
      )}
    </section>
  );
}

function Decision({
  decision,
  letterUrl,
  children,
}: {
  decision: DecisionView;
  letterUrl: string;
  children?: ReactNode;
}) {
  const { t } = useT();
  const name = useDecisionName();
  const elementId = decisionElementId(decision.id);
  const appealId = `${elementId}-appeal`;
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>{name(decision)}</h3>
      <DecisionDetails decision={decision} />
      <dl className="text-sections">
        <div>
          <dt>{t("decisions.reasoning")}</dt>
          <dd className="multiline">{decision.reasoning}</dd>
        </div>
      </dl>
      {decision.appealInfo && (
        <section className="notice appeal" aria-labelledby={appealId}>
          <h4 id={appealId} className="notice__title appeal__title">
            {t("decisions.appealTitle")}
          </h4>
          <p className="multiline appeal__text">{decision.appealInfo}</p>
        </section>
      )}
      <p className="decision__letter">
        {/* A plain download: the session cookie goes with it, and a GET needs no CSRF token. */}
        <a className="button button--secondary button--small" href={letterUrl} download>
          {t("decisions.letter")}
          <span className="visually-hidden">
            {t("decisions.letterFor", { decision: name(decision) })}
          </span>
        </a>
      </p>
      {decision.letterDelivery.reason === "location_withheld" && (
        <p className="notice decision__letter-note">
          <strong>{t("letter.handOver")}</strong> {t("letter.reason.location_withheld")}
        </p>
      )}
      {children}
    </article>
  );
}

/** The decision's facts: legal basis (and the former one), outcome, period, decided by. */
function DecisionDetails({ decision }: { decision: DecisionView }) {
  const { t, lang } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("decisions.legalReference")}</dt>
        <dd>
          <LegalReference reference={decision.legalReference} />
          {decision.oldLegalReference && (
            <span className="legal-reference__old">
              {t("decisions.formerly")} <LegalReference reference={decision.oldLegalReference} />
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t("decisions.outcome")}</dt>
        <dd className={decision.outcome === "denied" ? "outcome--denied" : undefined}>
          {t(decisionOutcomeLabels[decision.outcome])}
        </dd>
      </div>
      <div>
        <dt>{t("decisions.period")}</dt>
        <dd>
          {decision.periodFrom && decision.periodTo
            ? t("decisions.periodBoth", {
                from: formatDay(decision.periodFrom, lang),
                to: formatDay(decision.periodTo, lang),
              })
            : decision.periodFrom
              ? t("decisions.periodFromOnly", { from: formatDay(decision.periodFrom, lang) })
              : decision.periodTo
                ? t("decisions.periodToOnly", { to: formatDay(decision.periodTo, lang) })
                : t("decisions.noPeriod")}
        </dd>
      </div>
      <div>
        <dt>{t("decisions.decidedBy")}</dt>
        <dd>
          {t("decisions.byAt", {
            name: decision.decidedBy,
            time: formatDateTimeShort(decision.decidedAt, lang),
          })}
        </dd>
      </div>
    </dl>
  );
}

/** "SoL (2025:400) 12 kap. 1 §", breaking only between the law and the place in it. */
function LegalReference({ reference }: { reference: string }) {
  return (
    <>
      {legalReferenceParts(reference).map((part, i) => (
        <Fragment key={part}>
          {i > 0 && " "}
          <span className="nowrap">{part}</span>
        </Fragment>
      ))}
    </>
  );
}
