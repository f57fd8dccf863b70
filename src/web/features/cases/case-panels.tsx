import { Fragment, type ReactNode } from "react";
import type {
  CaseTask,
  CaseView,
  DecisionListView,
  DecisionView,
  StaffMember,
} from "../../api/endpoints";
import type { Query, QueryState } from "../../hooks/useQuery";
import type { MessageKey } from "../../i18n/messages";
import { AssessmentsPanel } from "../assessments/Assessments";
import { ChildTrackPanel } from "../child-track/ChildTrack";
import { DecisionsPanel } from "../decisions/Decisions";
import { DocumentsPanel } from "../documents/Documents";
import { CaseIntakes } from "../intake/Intake";
import { InvestigationPanel } from "../investigation/Investigation";
import { Journal } from "../journal/Journal";
import { BarrierEventsPanel } from "../partner-contact/BarrierEvents";
import { PartnerCasePanel } from "../partner-contact/PartnerCase";
import { PartnerContactHisPanel } from "../partner-contact/PartnerContactHis";
import { Relations } from "../persons/Relations";
import { PlansPanel } from "../plans/Plans";
import { PoliceAssessmentsPanel } from "../police-assessments/PoliceAssessments";
import { TasksPanel } from "../tasks/Tasks";
import { TreatmentPanel } from "../treatment/Treatment";
import { TreatmentProvider } from "../treatment/useTreatment";
import { CaseAssignees, CaseGrants } from "./CaseStaff";
import { CaseStatusPanel } from "./CaseStatus";
import { CaseSummary } from "./CaseSummary";

/** What the case page has read once and gives every panel (see CasePage). */
export interface CasePanelContext {
  record: CaseView;
  onChange: (record: CaseView) => void;
  /** Loads the case again, e.g. after a decision that moved its status. */
  onReload: () => void;
  /** The unit's staff, for assigning and granting. */
  staff: QueryState<StaffMember[]>;
  /** Shared by Uppgifter and Utredning: saving the investigation may put a task on the case. */
  tasks: Query<CaseTask[]>;
  /** Shared by Beslut and Genomförandeplan: a granted decision gets a plan. */
  decisions: Query<DecisionListView>;
  decisionList: QueryState<DecisionView[]>;
}

/**
 * One panel of the case page. The panel draws its own section and heading; `title` is the
 * catalogue key of that heading, so this list reads as the page's table of contents.
 */
export interface CasePanel {
  id: string;
  title: MessageKey;
  /** Shown only for such cases; without it the panel is always mounted (it may still decide). */
  when?: (record: CaseView) => boolean;
  /** Panels that share his treatment (read once) sit together inside one TreatmentProvider. */
  shares?: "treatment";
  component: (context: CasePanelContext) => ReactNode;
}

const perpetrator = (record: CaseView) => record.caseType === "perpetrator";
// Investigations, decisions and plans are social services' (SoL); a treatment unit's
// perpetrator and partner-contact cases have their own work instead.
const socialServices = (record: CaseView) =>
  record.caseType === "adult_victim" || record.caseType === "child";

/** The case page, top to bottom. A new panel is a line here (and its own feature folder). */
export const casePanels: readonly CasePanel[] = [
  {
    id: "details",
    title: "case.detailsTitle",
    component: ({ record }) => <CaseSummary record={record} />,
  },
  {
    id: "status",
    title: "status.title",
    component: ({ record, onChange }) => <CaseStatusPanel record={record} onChange={onChange} />,
  },
  {
    id: "tasks",
    title: "tasks.title",
    component: ({ record, tasks }) => <TasksPanel record={record} tasks={tasks} />,
  },
  {
    id: "child-track",
    title: "child.title",
    when: (record) => record.caseType === "child",
    component: ({ record, onReload }) => (
      <ChildTrackPanel record={record} onCaseChanged={onReload} />
    ),
  },
  {
    id: "intakes",
    title: "intake.listTitle",
    component: ({ record }) => <CaseIntakes caseId={record.id} />,
  },
  {
    id: "assessments",
    title: "assessments.title",
    // Completing an assessment changes the case's current risk level: load the case again.
    component: ({ record, onReload }) => (
      <AssessmentsPanel record={record} onCompleted={onReload} />
    ),
  },
  {
    id: "police-assessments",
    title: "police.title",
    component: ({ record }) => <PoliceAssessmentsPanel record={record} />,
  },
  {
    id: "treatment",
    title: "treatment.title",
    when: perpetrator,
    shares: "treatment",
    component: ({ record, onReload }) => <TreatmentPanel record={record} onReload={onReload} />,
  },
  {
    id: "partner-contact-his",
    title: "partnerHis.title",
    when: perpetrator,
    shares: "treatment",
    component: ({ record, onReload }) => (
      <PartnerContactHisPanel record={record} onReload={onReload} />
    ),
  },
  {
    id: "documents",
    title: "documents.title",
    when: perpetrator,
    shares: "treatment",
    component: ({ record }) => <DocumentsPanel record={record} />,
  },
  {
    id: "partner-case",
    title: "partnerCase.title",
    component: ({ record }) => <PartnerCasePanel record={record} />,
  },
  {
    id: "barrier-events",
    title: "barrierEvents.title",
    component: ({ record }) => <BarrierEventsPanel record={record} />,
  },
  {
    id: "investigation",
    title: "investigation.title",
    when: socialServices,
    component: ({ record, tasks }) => <InvestigationPanel record={record} onSaved={tasks.reload} />,
  },
  {
    id: "decisions",
    title: "decisions.title",
    when: socialServices,
    component: ({ record, decisions }) => <DecisionsPanel record={record} decisions={decisions} />,
  },
  {
    id: "plans",
    title: "plans.title",
    when: socialServices,
    component: ({ record, decisionList }) => (
      <PlansPanel record={record} decisions={decisionList} />
    ),
  },
  {
    id: "relations",
    title: "relations.title",
    component: ({ record }) => (
      <Relations caseId={record.id} canWrite={record.abilities.writeJournal} />
    ),
  },
  {
    id: "journal",
    title: "journal.title",
    component: ({ record }) => (
      <Journal caseId={record.id} canWrite={record.abilities.writeJournal} />
    ),
  },
  {
    id: "assignees",
    title: "case.assigneesTitle",
    component: ({ record, staff, onChange }) => (
      <CaseAssignees record={record} staff={staff} onChange={onChange} />
    ),
  },
  {
    id: "grants",
    title: "case.grantsTitle",
    when: (record) => record.abilities.grant || record.grants.length > 0,
    component: ({ record, staff, onChange }) => (
      <CaseGrants record={record} staff={staff} onChange={onChange} />
    ),
  },
];

/** The panels this case shows, in order; neighbours sharing his treatment grouped. */
export function groupCasePanels(
  panels: readonly CasePanel[],
  record: CaseView,
): { key: string; shares?: "treatment"; panels: CasePanel[] }[] {
  const groups: { key: string; shares?: "treatment"; panels: CasePanel[] }[] = [];
  for (const panel of panels) {
    if (panel.when && !panel.when(record)) continue;
    const last = groups.at(-1);
    if (panel.shares && last?.shares === panel.shares) last.panels.push(panel);
    else groups.push({ key: panel.id, shares: panel.shares, panels: [panel] });
  }
  return groups;
}

/** Draws the list: every panel this case shows, in the list's order. */
export function CasePanels({ context }: { context: CasePanelContext }) {
  return (
    <>
      {groupCasePanels(casePanels, context.record).map((group) => {
        const panels = group.panels.map((panel) => (
          <Fragment key={panel.id}>{panel.component(context)}</Fragment>
        ));
        return group.shares === "treatment" ? (
          <TreatmentProvider key={group.key} caseId={context.record.id}>
            {panels}
          </TreatmentProvider>
        ) : (
          <Fragment key={group.key}>{panels}</Fragment>
        );
      })}
    </>
  );
}
