import {
  consultationAgencies,
  consultationBases,
  crimeCategories,
  crisisTalkModels,
  medicalExamKinds,
  reporterKinds,
} from "../../../shared/api/child-work";
import type { PlainMessageKey } from "../../i18n/messages";
import type { ChildWork } from "./api";

/*
 * The children's crisis centre's codes as the page words them, and what the page offers for
 * a work as it stands: the one rule of which forms show (the server refuses the same).
 */
type Labels<K extends string> = Readonly<Record<K, PlainMessageKey>>;

const labelsOf = <K extends string>(codes: readonly K[], prefix: string): Labels<K> =>
  Object.fromEntries(codes.map((c) => [c, `${prefix}.${c}` as PlainMessageKey])) as Labels<K>;

export const modelLabels = labelsOf(crisisTalkModels, "childWork.model");
export const reporterLabels = labelsOf(reporterKinds, "childWork.reporter");
export const crimeLabels = labelsOf(crimeCategories, "childWork.crime");
export const examLabels = labelsOf(medicalExamKinds, "childWork.exam");
export const agencyLabels = labelsOf(consultationAgencies, "childWork.agency");
export {
  consultationAgencies,
  consultationBases,
  crimeCategories,
  crisisTalkModels,
  medicalExamKinds,
  reporterKinds,
};

/** The series still going (at most one: a new one starts after it ends). */
export const currentSeries = (work: ChildWork) => work.series.find((s) => s.endedOn === null);

/** Which forms a work offers its reader now. */
export function workForms(work: ChildWork) {
  const going = currentSeries(work);
  return {
    newSeries: work.mayChange && !going,
    talk: work.mayChange && going !== undefined,
    records: work.mayChange,
    close: work.mayChange,
  };
}
