import type { IntakeView } from "../../../shared/api/intake";
import { useApi } from "../../auth/useAuth";
import { type QueryState, useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort } from "../../i18n/dates";
import { intakeChannelLabels, intakeKindLabels, intakeSourceLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { Loaded } from "../../ui/QueryError";
import { IntakeReportDetails } from "./IntakeReport";

/** "Aktualiseringar" on the case page: how the case's matters reached the unit. */
export function CaseIntakes({ caseId }: { caseId: string }) {
  const api = useApi();
  const query = useQuery(
    ["case", caseId, "intakes"],
    async (signal) => (await api.caseIntakes(caseId, signal)).intakes,
  );
  return (
    <IntakeSection titleId="case-intakes-title" state={query.state} empty="intake.listEmpty" />
  );
}

/** "Aktualiseringar" on the person page: the intakes in the person's cases the user may see. */
export function PersonIntakes({ personId }: { personId: string }) {
  const api = useApi();
  const query = useQuery(
    ["person", personId, "intakes"],
    async (signal) => (await api.personIntakes(personId, signal)).intakes,
  );
  return (
    <IntakeSection titleId="person-intakes-title" state={query.state} empty="intake.personEmpty" />
  );
}

/** A titled list of intakes, newest first. */
function IntakeSection({
  titleId,
  state,
  empty,
}: {
  titleId: string;
  state: QueryState<IntakeView[]>;
  empty: "intake.listEmpty" | "intake.personEmpty";
}) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("intake.listTitle")}</h2>
      <Loaded state={state}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty">{t(empty)}</p>
          ) : (
            <ul className="record-list" aria-labelledby={titleId}>
              {[...data]
                .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
                .map((intake) => (
                  <IntakeItem key={intake.id} intake={intake} />
                ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** One intake as recorded: its kind and time, then what was recorded about it. */
function IntakeItem({ intake }: { intake: IntakeView }) {
  const { t, lang } = useT();
  return (
    <li className="record-list__item">
      <h3>
        {t("intake.itemTitle", {
          kind: t(intakeKindLabels[intake.kind]),
          time: formatDateTimeShort(intake.receivedAt, lang),
        })}
      </h3>
      <dl className="details">
        <div>
          <dt>{t("intake.source")}</dt>
          <dd>{t(intakeSourceLabels[intake.source])}</dd>
        </div>
        <div>
          <dt>{t("intake.channel")}</dt>
          <dd>{t(intakeChannelLabels[intake.channel])}</dd>
        </div>
        <IntakeReportDetails intake={intake} />
        {intake.askedAboutViolence !== null && (
          <div>
            <dt>{t("intake.askedAboutViolence")}</dt>
            <dd>{intake.askedAboutViolence ? t("common.yes") : t("common.no")}</dd>
          </div>
        )}
        {intake.violenceAnswer && (
          <div>
            <dt>{t("intake.violenceAnswer")}</dt>
            <dd className="multiline">{intake.violenceAnswer}</dd>
          </div>
        )}
        <div>
          <dt>{t("intake.interpreter")}</dt>
          <dd>
            {intake.interpreterNeeded
              ? (intake.interpreterLanguage ?? t("common.yes"))
              : t("intake.noInterpreter")}
          </dd>
        </div>
        <div>
          <dt>{t("intake.children")}</dt>
          <dd>{intake.childrenInHousehold ?? t("common.notGiven")}</dd>
        </div>
        {intake.informationOnlyReason && (
          <div>
            <dt>{t("intake.informationOnlyReason")}</dt>
            <dd className="multiline">{intake.informationOnlyReason}</dd>
          </div>
        )}
        <div>
          <dt>{t("intake.recordedBy")}</dt>
          <dd>
            {intake.recordedBy}{" "}
            <span className="muted">{formatDateTimeShort(intake.recordedAt, lang)}</span>
          </dd>
        </div>
      </dl>
    </li>
  );
}
