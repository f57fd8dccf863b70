import type { z } from "zod";
import {
  CaseChildWorkResult,
  type ChildWork,
  ChildWorkResult,
  type ConsultationBody,
  CourseChildWorkResult,
  type MedicalExamBody,
  type PoliceReportBody,
  type RecordTalkBody,
  type StartSeriesBody,
} from "../../../shared/api/child-work";
import type { Transport } from "../../api/transport";

export type { ChildWork };
export type StartSeriesInput = z.input<typeof StartSeriesBody>;
export type RecordTalkInput = z.input<typeof RecordTalkBody>;
export type PoliceReportInput = z.input<typeof PoliceReportBody>;
export type MedicalExamInput = z.input<typeof MedicalExamBody>;
export type ConsultationInput = z.input<typeof ConsultationBody>;

/** The children's crisis centre's calls of the Api (api/endpoints.ts assembles every feature's). */
export function childWorkApi({ get, post, id }: Transport) {
  const work = (path: string, body: object) => post(path, body, ChildWorkResult);
  return {
    caseChildWork: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/child-work`, CaseChildWorkResult, signal),
    courseChildWork: (courseId: string, signal?: AbortSignal) =>
      get(`/api/service-courses/${id(courseId)}/child-work`, CourseChildWorkResult, signal),
    openCaseChildWork: (caseId: string, input: { personId: string; openedOn: string }) =>
      work(`/api/cases/${id(caseId)}/child-work`, input),
    openCourseChildWork: (courseId: string, input: { openedOn: string }) =>
      work(`/api/service-courses/${id(courseId)}/child-work`, input),
    startCrisisTalkSeries: (workId: string, input: StartSeriesInput) =>
      work(`/api/child-work/${id(workId)}/crisis-talk-series`, input),
    recordCrisisTalk: (seriesId: string, input: RecordTalkInput) =>
      work(`/api/crisis-talk-series/${id(seriesId)}/talks`, input),
    endCrisisTalkSeries: (seriesId: string, endedOn: string) =>
      work(`/api/crisis-talk-series/${id(seriesId)}/end`, { endedOn }),
    recordChildPoliceReport: (workId: string, input: PoliceReportInput) =>
      work(`/api/child-work/${id(workId)}/police-reports`, input),
    recordChildMedicalExam: (workId: string, input: MedicalExamInput) =>
      work(`/api/child-work/${id(workId)}/medical-exams`, input),
    recordChildConsultation: (workId: string, input: ConsultationInput) =>
      work(`/api/child-work/${id(workId)}/consultations`, input),
    closeChildWork: (workId: string, closedOn: string) =>
      work(`/api/child-work/${id(workId)}/close`, { closedOn }),
  };
}
