import type { CompetenceFigures } from "../../../shared/api/competence.ts";
import type { YearlyReportSection, YearlyReportTable } from "../../../shared/api/yearly-report.ts";
import type { AgreementFigures } from "../statistics/agreements.ts";
import type { CrisisCentreYearFigures } from "../statistics/crisis-centre-year.ts";
import type { RawFigures } from "../statistics/figures.ts";
import type { StayFigures } from "../statistics/stays.ts";
import { buildTable, type TableContext } from "./table.ts";

/**
 * The report's sections about the units' work, each a view of an existing statistics
 * function's figures: partner contact (readFigures), stays and places (stayFigures), the
 * children's crisis centre (crisisCentreYear: seed 001's table), competence
 * (competenceFigures) and collaboration (agreementFigures).
 */

const count = (id: string, label: string) => ({ id, label, kind: "count" as const });
const one = [count("count", "Antal")];

export function partnerContactSection(f: RawFigures, ctx: TableContext): YearlyReportSection {
  const row = (id: keyof RawFigures, label: string) => ({
    id,
    label,
    values: [Number(f[id] ?? 0)],
  });
  const table = buildTable(
    {
      id: "partner-contact",
      title: "Behandling och partnerkontakt",
      chart: "bar",
      columns: one,
      rows: [
        row("in_treatment", "Personer i behandling"),
        row("informed", "Informerade om partnerkontakt"),
        row("consent_given", "Samtycke till partnerkontakt"),
        row("contacted", "Partner kontaktade"),
        row("reached", "Partner nådda"),
        row("alerts_raised", "Larm om förhöjd risk"),
      ],
    },
    ctx,
  );
  return { id: "partner-contact", title: "Partnerkontakt", summary: [], tables: [table] };
}

export function staysSection(
  f: StayFigures,
  ctx: TableContext,
  more: YearlyReportTable[] = [],
): YearlyReportSection {
  const nights = buildTable(
    {
      id: "stays-nights",
      title: "Boendedygn och medföljande barn",
      chart: "bar",
      columns: one,
      rows: [
        {
          id: "children",
          label: "Medföljande barn i boende",
          values: [f.accompanyingChildren],
          link: "/shelter",
        },
        { id: "adult_nights", label: "Dygn, vuxna", values: [f.nights.adults] },
        { id: "child_nights", label: "Dygn, barn", values: [f.nights.children] },
      ],
    },
    ctx,
  );
  const endLabels: Record<keyof StayFigures["staysEnded"], string> = {
    own_housing: "Eget boende",
    back_home: "Tillbaka hem",
    other_municipality: "Annan kommun",
    left_without_notice: "Lämnade utan besked",
    other: "Annat",
  };
  const ended = buildTable(
    {
      id: "stays-ended",
      title: "Avslutade vistelser per orsak",
      chart: "bar",
      columns: [count("stays", "Vistelser")],
      rows: Object.entries(endLabels).map(([k, label]) => ({
        id: k,
        label,
        values: [f.staysEnded[k as keyof StayFigures["staysEnded"]]],
      })),
      totals: { row: "Totalt" },
    },
    ctx,
  );
  const places = buildTable(
    {
      id: "places-occupancy",
      title: "Platser och beläggning",
      chart: "bar",
      columns: [
        count("nights", "Persondygn"),
        { id: "occupancy", label: "Beläggning (%)", kind: "percent" },
      ],
      rows: f.places.map((p) => ({
        id: p.placeId,
        label: p.name,
        values: [p.personNights, p.occupancy === null ? null : Math.round(p.occupancy * 1000) / 10],
        link: `/places/${p.placeId}`,
      })),
    },
    ctx,
  );
  return {
    id: "stays",
    title: "Boenden, platser och vistelser",
    summary: [],
    tables: [nights, ended, places, ...more],
  };
}

/** Seed 001's table, "Statistik Kriscentrum för barn", row by row in the seed's words. */
export function crisisCentreSection(
  f: CrisisCentreYearFigures,
  ctx: TableContext,
  more: YearlyReportTable[] = [],
): YearlyReportSection {
  const table = buildTable(
    {
      id: "crisis-centre-children",
      title: "Statistik Kriscentrum för barn",
      note: "Studiebesök, utbildningar och handledning är hela organisationens (kompetensregistret har ingen enhet).",
      chart: "bar",
      columns: one,
      rows: [
        { id: "current_children", label: "Antal aktuella barn", values: [f.currentChildren] },
        { id: "police_reports", label: "Polisanmälningar", values: [f.policeReports] },
        { id: "medical_exams", label: "Läkarundersökningar", values: [f.medicalExams] },
        { id: "crisis_talks", label: "Krissamtal (barn)", values: [f.childrenInCrisisTalks] },
        {
          id: "consultations",
          label: "Antal samråd",
          values: [f.consultations],
          link: "/consultations",
        },
        {
          id: "study_visits_trainings",
          label: "Antal studiebesök/utbildningar",
          values: [f.studyVisitsAndTrainings],
          link: "/competence",
        },
        {
          id: "supervision",
          label: "Handledning till personalgrupper",
          values: [f.supervisionSessions],
          link: "/competence",
        },
      ],
    },
    ctx,
  );
  return {
    id: "crisis-centre",
    title: "Kriscentrum och samråd",
    summary: [],
    tables: [table, ...more],
  };
}

/** The register's figures are the organisation's own, no client's: never suppressed. */
export function competenceSection(f: CompetenceFigures, ctx: TableContext): YearlyReportSection {
  const open = { ...ctx, suppressed: false };
  const table = buildTable(
    {
      id: "competence",
      title: "Kompetensutveckling",
      chart: "bar",
      columns: one,
      rows: [
        { id: "trainings", label: "Utbildningar", values: [f.trainings], link: "/competence" },
        { id: "participants", label: "Deltagare", values: [f.participants] },
        {
          id: "joint_trainings",
          label: "Gemensamma utbildningar med andra aktörer",
          values: [f.jointTrainings],
        },
        {
          id: "instructors_trained",
          label: "Utbildade kvinnofridsinstruktörer",
          values: [f.instructorsTrained],
        },
        {
          id: "instructors_active",
          label: "Aktiva kvinnofridsinstruktörer",
          values: [f.instructorsActive],
        },
        {
          id: "supervision_sessions",
          label: "Handledningstillfällen",
          values: [f.supervisionSessions],
        },
        { id: "study_visits", label: "Studiebesök", values: [f.studyVisits] },
      ],
    },
    open,
  );
  return { id: "competence", title: "Kompetens", summary: [], tables: [table] };
}

export function collaborationSection(
  f: AgreementFigures,
  ctx: TableContext,
  more: YearlyReportTable[] = [],
): YearlyReportSection {
  const yes = (b: boolean) => (b ? "Ja" : "Nej");
  const table = buildTable(
    {
      id: "agreements",
      title: "Samverkansöverenskommelser",
      chart: "none",
      columns: [count("count", "Antal"), { id: "answer", label: "Svar", kind: "text" }],
      rows: [
        {
          id: "in_force",
          label: "Överenskommelser som gällt under året",
          values: [f.inForce, null],
          link: "/agreements",
        },
        {
          id: "shelter_followed_up",
          label: "Överenskommelse med ideell kvinnojour följd upp inom 24 månader",
          values: [null, null],
          texts: [undefined, yes(f.followedUpWithin24Months.voluntary_shelter)],
        },
        {
          id: "police_followed_up",
          label: "Överenskommelse med polisen följd upp inom 24 månader",
          values: [null, null],
          texts: [undefined, yes(f.followedUpWithin24Months.police)],
        },
      ],
    },
    { ...ctx, suppressed: false },
  );
  return { id: "collaboration", title: "Samverkan", summary: [], tables: [table, ...more] };
}
