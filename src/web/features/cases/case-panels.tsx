import { Fragment, type ReactNode } from "react";
import type { CaseView, StaffMember } from "../../api/endpoints";
import type { QueryState } from "../../hooks/useQuery";
import type { MessageKey } from "../../i18n/messages";
import { AssessmentsPanel } from "../assessments/Assessments";
import { CaseConsultationsPanel } from "../case-consultations/CaseConsultations";
import { ChildTrackPanel } from "../child-track/ChildTrack";
import { ChildWorkPanel } from "../child-work/ChildWorkPanel";
import { ConsentsPanel } from "../consents/Consents";
import { CoordinatedPlansPanel } from "../coordinated-plans/CoordinatedPlansPanel";
import { DecisionsPanel } from "../decisions/Decisions";
import { DisclosuresPanel } from "../disclosures/Disclosures";
import { DocumentsPanel } from "../documents/Documents";
import { CaseIntakes } from "../intake/Intake";
import { InvestigationPanel } from "../investigation/Investigation";
import { Journal } from "../journal/Journal";
import { CaseOutcomePanel } from "../outcomes/CaseOutcome";
import { BarrierEventsPanel } from "../partner-contact/BarrierEvents";
import { PartnerCasePanel } from "../partner-contact/PartnerCase";
import { PartnerContactHisPanel } from "../partner-contact/PartnerContactHis";
import { Relations } from "../persons/Relations";
import { HousingPanel } from "../places/HousingPanel";
import { PlansPanel } from "../plans/Plans";
import { PoliceAssessmentsPanel } from "../police-assessments/PoliceAssessments";
import { PoliceCollaborationPanel } from "../police-collaboration/PoliceCollaboration";
import { ProtectionChecklistPanel } from "../protection/ProtectionChecklist";
import { ReferralsPanel } from "../referrals/Referrals";
import { RiskConferencePanel } from "../risk-conferences/RiskConferencePanel";
import { StaysPanel } from "../stays/Stays";
import { TasksPanel } from "../tasks/Tasks";
import { TreatmentPanel } from "../treatment/Treatment";
import { CaseDeadlinesPanel } from "./CaseDeadlines";
import { CaseDocumentsPanel } from "./CaseDocuments";
import { CaseAssignees, CaseGrants } from "./CaseStaff";
import { CaseStatusPanel } from "./CaseStatus";
import { type CaseSectionId, caseSectionIds } from "./case-sections";
import { LatestEvents } from "./LatestEvents";

/** What the case page has read once and gives every panel (see CasePage). */
export interface CasePanelContext {
  record: CaseView;
  onChange: (record: CaseView) => void;
  /** The unit's staff the case may be given to (no barred colleague), for assigning and granting. */
  staff: QueryState<StaffMember[]>;
}
// Panels that share a record (tasks, decisions, his treatment) read it through the query
// cache under one key, and a command invalidates the keys it changed: no reload props here.

/**
 * One panel of the case page. The panel draws its own section and heading; `title` is the
 * catalogue key of that heading, so this list reads as the page's table of contents.
 */
export interface CasePanel {
  id: string;
  title: MessageKey;
  /** The workspace section the panel is in (case-sections.ts). */
  section: CaseSectionId;
  /** Shown only for such cases; without it the panel is always mounted (it may still decide). */
  when?: (record: CaseView) => boolean;
  component: (context: CasePanelContext) => ReactNode;
}

const perpetrator = (record: CaseView) => record.caseType === "perpetrator";
// Investigations, decisions and plans are social services' (SoL); a treatment unit's
// perpetrator and partner-contact cases have their own work instead.
const socialServices = (record: CaseView) =>
  record.caseType === "adult_victim" || record.caseType === "child";

/** The case's panels, section by section. A new panel is a line here (and its own feature folder). */
export const casePanels: readonly CasePanel[] = [
  // Översikt: what needs doing in this case, and what happened last.
  {
    id: "deadlines",
    title: "case.deadlinesTitle",
    section: "overview",
    component: ({ record }) => <CaseDeadlinesPanel record={record} />,
  },
  {
    // A protected person's case: the mail-and-payment routine (issue 19, item 3).
    id: "protection-checklist",
    title: "protectionChecklist.title",
    section: "overview",
    when: (record) => record.person.protectionLevel !== "none",
    component: ({ record }) => <ProtectionChecklistPanel record={record} />,
  },
  {
    id: "tasks",
    title: "tasks.title",
    section: "overview",
    component: ({ record }) => <TasksPanel record={record} />,
  },
  {
    id: "latest",
    title: "case.latestTitle",
    section: "overview",
    component: ({ record }) => <LatestEvents record={record} />,
  },
  {
    id: "relations",
    title: "relations.title",
    section: "overview",
    component: ({ record }) => (
      <Relations caseId={record.id} canWrite={record.abilities.writeJournal} />
    ),
  },
  {
    id: "intakes",
    title: "intake.listTitle",
    section: "intakes",
    component: ({ record }) => <CaseIntakes caseId={record.id} />,
  },
  {
    id: "child-track",
    title: "child.title",
    section: "intakes",
    when: (record) => record.caseType === "child",
    component: ({ record }) => <ChildTrackPanel record={record} />,
  },
  {
    id: "investigation",
    title: "investigation.title",
    section: "investigation",
    when: socialServices,
    component: ({ record }) => <InvestigationPanel record={record} />,
  },
  {
    id: "assessments",
    title: "assessments.title",
    section: "assessments",
    component: ({ record }) => <AssessmentsPanel record={record} />,
  },
  {
    id: "police-assessments",
    title: "police.title",
    section: "assessments",
    component: ({ record }) => <PoliceAssessmentsPanel record={record} />,
  },
  {
    id: "decisions",
    title: "decisions.title",
    section: "decisions",
    when: socialServices,
    component: ({ record }) => <DecisionsPanel record={record} />,
  },
  {
    id: "plans",
    title: "plans.title",
    section: "decisions",
    when: socialServices,
    component: ({ record }) => <PlansPanel record={record} />,
  },
  {
    id: "housing-place",
    title: "housing.title",
    section: "housing",
    // Finding a place (hold, enquiry) comes before the stay it may become.
    when: (record) => record.caseType === "adult_victim",
    component: ({ record }) => (
      <HousingPanel caseId={record.id} mayChange={record.abilities.change} />
    ),
  },
  {
    id: "stays",
    title: "stays.title",
    section: "housing",
    // Stays are arranged from an adult victim's case (her children come along in it).
    when: (record) => record.caseType === "adult_victim",
    component: ({ record }) => <StaysPanel record={record} />,
  },
  {
    id: "treatment",
    title: "treatment.title",
    section: "treatment",
    when: perpetrator,
    component: ({ record }) => <TreatmentPanel record={record} />,
  },
  {
    // The children's crisis centre's work with the case's children (issue 17): a part of
    // the support given, beside treatment, in a victim's or a child's case.
    id: "child-work",
    title: "childWork.title",
    section: "treatment",
    when: socialServices,
    component: ({ record }) => <ChildWorkPanel anchor={{ caseId: record.id }} />,
  },
  {
    id: "partner-contact-his",
    title: "partnerHis.title",
    section: "partner-contact",
    when: perpetrator,
    component: ({ record }) => <PartnerContactHisPanel record={record} />,
  },
  {
    id: "partner-case",
    title: "partnerCase.title",
    section: "partner-contact",
    when: (record) => record.caseType === "partner_contact",
    component: ({ record }) => <PartnerCasePanel record={record} />,
  },
  {
    id: "barrier-events",
    title: "barrierEvents.title",
    section: "partner-contact",
    when: (record) => record.caseType === "perpetrator" || record.caseType === "partner_contact",
    component: ({ record }) => <BarrierEventsPanel record={record} />,
  },
  // Samverkan (issue 18), in the order a caseworker works: her consent to share, what was
  // disclosed on it (or on a rule), the referrals it allows, (SIP,) the risk conference,
  // the police, and last the anonymised consultations that need no consent.
  {
    id: "consents",
    title: "consents.title",
    section: "collaboration",
    component: ({ record }) => <ConsentsPanel record={record} />,
  },
  {
    id: "disclosures",
    title: "disclosures.title",
    section: "collaboration",
    component: ({ record }) => <DisclosuresPanel record={record} />,
  },
  {
    id: "referrals",
    title: "referrals.title",
    section: "collaboration",
    when: socialServices,
    component: ({ record }) => <ReferralsPanel record={record} />,
  },
  {
    id: "coordinated-plans",
    title: "sip.title",
    section: "collaboration",
    when: socialServices,
    component: ({ record }) => <CoordinatedPlansPanel record={record} />,
  },
  {
    id: "risk-conference",
    title: "conference.title",
    section: "collaboration",
    // The conference is about a victim of violence at high risk (the MARAC model).
    when: (record) => record.caseType === "adult_victim",
    component: ({ record }) => <RiskConferencePanel record={record} />,
  },
  {
    id: "police-collaboration",
    title: "policeCollab.title",
    section: "collaboration",
    when: socialServices,
    component: ({ record }) => <PoliceCollaborationPanel record={record} />,
  },
  {
    id: "case-consultations",
    title: "caseConsult.title",
    section: "collaboration",
    when: socialServices,
    component: ({ record }) => <CaseConsultationsPanel record={record} />,
  },
  {
    id: "journal",
    title: "journal.title",
    section: "journal",
    component: ({ record }) => (
      <Journal caseId={record.id} canWrite={record.abilities.writeJournal} />
    ),
  },
  {
    id: "case-documents",
    title: "case.documentsTitle",
    section: "documents",
    component: ({ record }) => <CaseDocumentsPanel record={record} />,
  },
  {
    id: "documents",
    title: "documents.title",
    section: "documents",
    when: perpetrator,
    component: ({ record }) => <DocumentsPanel record={record} />,
  },
  {
    id: "status",
    title: "status.title",
    section: "status",
    component: ({ record, onChange }) => <CaseStatusPanel record={record} onChange={onChange} />,
  },
  {
    // A closed case's outcome, recorded at closing or here afterwards (issue 20). Mounted for
    // every case: a save refused because the case was reopened is told there (it decides).
    id: "outcome",
    title: "caseOutcome.title",
    section: "status",
    component: ({ record }) => <CaseOutcomePanel record={record} />,
  },
  {
    id: "assignees",
    title: "case.assigneesTitle",
    section: "status",
    component: ({ record, staff, onChange }) => (
      <CaseAssignees record={record} staff={staff} onChange={onChange} />
    ),
  },
  {
    id: "grants",
    title: "case.grantsTitle",
    section: "status",
    when: (record) => record.abilities.grant || record.grants.length > 0,
    component: ({ record, staff, onChange }) => (
      <CaseGrants record={record} staff={staff} onChange={onChange} />
    ),
  },
];

/** The panels this case shows, in the list's order. */
export function visibleCasePanels(panels: readonly CasePanel[], record: CaseView): CasePanel[] {
  return panels.filter((panel) => !panel.when || panel.when(record));
}

/** The sections this case has: those with a panel it shows, in the navigation's order. */
export function visibleCaseSections(
  record: CaseView,
  panels: readonly CasePanel[] = casePanels,
): CaseSectionId[] {
  const shown = new Set(visibleCasePanels(panels, record).map((p) => p.section));
  return caseSectionIds.filter((id) => shown.has(id));
}

/**
 * Draws the case's sections, the current one shown and the others hidden but kept: what a
 * worker typed in one section (an investigation half written) is still there when they come
 * back from another. `focus`: the address named the section, so its heading takes focus.
 */
export function CaseSections({
  context,
  current,
  focus,
}: {
  context: CasePanelContext;
  current: CaseSectionId | undefined;
  focus: boolean;
}) {
  const panels = visibleCasePanels(casePanels, context.record);
  return (
    <>
      {visibleCaseSections(context.record).map((section) => (
        <div
          key={section}
          className="case-section"
          hidden={section !== current}
          data-page-focus={section === current && focus ? "" : undefined}
        >
          {panels
            .filter((panel) => panel.section === section)
            .map((panel) => (
              <Fragment key={panel.id}>{panel.component(context)}</Fragment>
            ))}
        </div>
      ))}
    </>
  );
}
