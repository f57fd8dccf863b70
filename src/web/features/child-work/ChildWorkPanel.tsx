import { useState } from "react";
import type { ChildWork } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { type Changed, CloseForm, OpenForm } from "./ChildWorkForms";
import { ExamsPart, PoliceReportsPart } from "./ChildWorkRecords";
import { ConsultationsPart } from "./Consultations";
import { SeriesPart } from "./CrisisTalks";
import { workForms } from "./child-work-model";

/*
 * Barnkriscentrum: the crisis centre's work with a child — crisis talks in a series (the
 * child's own words kept apart from the worker's notes), police reports, medical
 * examinations and consultations (samråd). The same panel stands on a case page (each of the
 * case's children, or one) and on a child's service course page (the contacts part mounts
 * it there). Every command answers the whole work, which replaces the one shown.
 */
export type ChildWorkAnchor = { caseId: string; personId?: string } | { courseId: string };

interface Shown {
  works: ChildWork[];
  children: { personId: string; name: string }[];
  mayOpen: boolean;
}

export const childWorkKey = (anchor: ChildWorkAnchor) =>
  "caseId" in anchor
    ? (["case", anchor.caseId, "child-work"] as const)
    : (["service-course", anchor.courseId, "child-work"] as const);

function useChildWork(anchor: ChildWorkAnchor) {
  const api = useApi();
  return useQuery<Shown>(childWorkKey(anchor), async (signal) => {
    if ("caseId" in anchor) return api.caseChildWork(anchor.caseId, signal);
    const { work, mayOpen } = await api.courseChildWork(anchor.courseId, signal);
    return { works: work ? [work] : [], children: [], mayOpen };
  });
}

export function ChildWorkPanel({ anchor }: { anchor: ChildWorkAnchor }) {
  const { t } = useT();
  const { state, reload, setData } = useChildWork(anchor);
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const titleId = "caseId" in anchor ? "child-work-title" : "course-child-work-title";
  const only = "caseId" in anchor ? anchor.personId : undefined;

  const changedFor = (shown: Shown): Changed => ({
    beforeChange: () => setMessage(null),
    onStale: reload,
    onChanged: (work, done) => {
      const others = shown.works.filter((w) => w.id !== work.id);
      const children = shown.children.filter(
        (c) => work.anchor.kind !== "case" || c.personId !== work.anchor.personId,
      );
      setData({
        works: [...others, work].sort((a, b) => a.openedOn.localeCompare(b.openedOn)),
        children,
        mayOpen: shown.mayOpen && (work.anchor.kind === "case" ? children.length > 0 : false),
      });
      setMessage(done);
      focusLater(`child-work-${work.id}`);
    },
  });

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("childWork.title")}
      </h2>
      <p className="muted">{t("childWork.intro")}</p>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(shown) => (
          <WorkList anchor={anchor} shown={shown} only={only} changed={changedFor(shown)} />
        )}
      </Loaded>
    </section>
  );
}

/** The works shown (a case's, or one child's), the opening form, or why none can open. */
function WorkList({
  anchor,
  shown,
  only,
  changed,
}: {
  anchor: ChildWorkAnchor;
  shown: Shown;
  only: string | undefined;
  changed: Changed;
}) {
  const { t } = useT();
  const works = shown.works.filter(
    (w) => !only || (w.anchor.kind === "case" && w.anchor.personId === only),
  );
  const noChildren =
    "caseId" in anchor && !shown.mayOpen && shown.children.length === 0 && works.length === 0;
  return (
    <>
      {works.length === 0 && <p className="empty">{t("childWork.empty")}</p>}
      {works.map((work) => (
        <WorkArticle key={work.id} work={work} changed={changed} />
      ))}
      {shown.mayOpen && (
        <OnDemand label={t("childWork.openButton")}>
          <OpenForm anchor={anchor} choices={shown.children} {...changed} />
        </OnDemand>
      )}
      {noChildren && <p className="muted">{t("childWork.noChildren")}</p>}
    </>
  );
}

/** One child's work: its facts, its four kinds of records, and its close. */
function WorkArticle({ work, changed }: { work: ChildWork; changed: Changed }) {
  const { t, lang } = useT();
  const forms = workForms(work);
  const headingId = `child-work-${work.id}`;
  return (
    <article className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {work.childName ?? t("childWork.anonymousChild")}
      </h3>
      <dl className="details">
        <div>
          <dt>{t("childWork.openedOn")}</dt>
          <dd className="nowrap">{formatDay(work.openedOn, lang)}</dd>
        </div>
        {work.closedOn && (
          <div>
            <dt>{t("childWork.closedOn")}</dt>
            <dd className="nowrap">{formatDay(work.closedOn, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t("childWork.unit")}</dt>
          <dd>{work.unitName}</dd>
        </div>
      </dl>
      <SeriesPart work={work} forms={forms} changed={changed} />
      <PoliceReportsPart work={work} mayRecord={forms.records} changed={changed} />
      <ExamsPart work={work} mayRecord={forms.records} changed={changed} />
      <ConsultationsPart work={work} mayRecord={forms.records} changed={changed} />
      {forms.close && (
        <OnDemand label={t("childWork.close")}>
          <CloseForm work={work} {...changed} />
        </OnDemand>
      )}
    </article>
  );
}
