import type { z } from "zod";
import {
  type ContactIntakeInput,
  ContactIntakeResult,
  PersonServiceCourses,
  type RecordServiceContactInput,
  RecordServiceContactResult,
  type ServiceContactKind,
  type ServiceContactView,
  ServiceCoursePage,
  type ServiceCourseSummary,
  ServiceCourseView,
} from "../../../shared/api/service-contacts";
import type { Transport } from "../../api/transport";

export type {
  ContactIntakeInput,
  RecordServiceContactInput,
  ServiceContactView,
  ServiceCourseSummary,
  ServiceCourseView,
};
export type ContactIntakeOutcome = z.infer<typeof ContactIntakeResult>;

/** What the list of courses is narrowed by (the query of GET /api/service-contacts). */
export interface CourseListFilters {
  mine?: boolean;
  unitId?: string;
  kind?: ServiceContactKind;
  from?: string;
  to?: string;
  before?: string;
}

function queryString(filters: CourseListFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "" || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The service-contact calls of the Api (api/endpoints.ts assembles every feature's). */
export function serviceContactsApi({ get, post, put, id }: Transport) {
  const course = (courseId: string) => `/api/service-courses/${id(courseId)}`;
  return {
    serviceCourses: (filters: CourseListFilters, signal?: AbortSignal) =>
      get(`/api/service-contacts${queryString(filters)}`, ServiceCoursePage, signal),
    serviceCourse: (courseId: string, signal?: AbortSignal) =>
      get(course(courseId), ServiceCourseView, signal),
    recordServiceContact: (input: RecordServiceContactInput) =>
      post("/api/service-contacts", input, RecordServiceContactResult),
    closeServiceCourse: (courseId: string) =>
      post(`${course(courseId)}/close`, {}, ServiceCourseView),
    changeCourseResponsible: (courseId: string, userId: string) =>
      put(`${course(courseId)}/responsible`, { userId }, ServiceCourseView),
    // One click: the contact becomes an intake (and the case it opens or joins).
    contactIntake: (contactId: string, input: ContactIntakeInput) =>
      post(`/api/service-contacts/${id(contactId)}/intake`, input, ContactIntakeResult),
    personServiceCourses: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/service-courses`, PersonServiceCourses, signal),
  };
}
