import {
  CompetenceFigures,
  CompetenceRegister,
  type InstructorBody,
  InstructorView,
  type MeetingBody,
  MeetingView,
  type StudyVisitBody,
  StudyVisitView,
  type SupervisionBody,
  SupervisionView,
  type TrainingBody,
  TrainingView,
} from "../../../shared/api/competence";
import { deleteJson } from "../../api/client";
import type { Transport } from "../../api/transport";

export type { CompetenceFigures, CompetenceRegister };
export type CompetenceEntry = "trainings" | "meetings" | "supervision" | "study-visits";

/** The competence register's calls of the Api (api/endpoints.ts assembles every feature's). */
export function competenceApi({ get, post, put, call, opts, id }: Transport) {
  const year = (y: number) => `year=${encodeURIComponent(String(y))}`;
  return {
    competence: (y: number, signal?: AbortSignal) =>
      get(`/api/competence?${year(y)}`, CompetenceRegister, signal),
    competenceFigures: (y: number, signal?: AbortSignal) =>
      get(`/api/competence/figures?${year(y)}`, CompetenceFigures, signal),
    addTraining: (body: TrainingBody) => post("/api/competence/trainings", body, TrainingView),
    addInstructor: (body: InstructorBody) =>
      post("/api/competence/instructors", body, InstructorView),
    changeInstructor: (instructorId: string, body: InstructorBody & { version: number }) =>
      put(`/api/competence/instructors/${id(instructorId)}`, body, InstructorView),
    addMeeting: (body: MeetingBody) => post("/api/competence/meetings", body, MeetingView),
    addSupervision: (body: SupervisionBody) =>
      post("/api/competence/supervision", body, SupervisionView),
    addStudyVisit: (body: StudyVisitBody) =>
      post("/api/competence/study-visits", body, StudyVisitView),
    removeCompetenceEntry: (entry: CompetenceEntry, entryId: string) =>
      call(async () => {
        await deleteJson(`/api/competence/${entry}/${id(entryId)}`, opts());
      }),
  };
}
