import type { CourseSubjectView } from "../../../shared/api/service-contacts";
import type { PlainMessageKey } from "../../i18n/messages";
import type { useT } from "../../i18n/useT";

type T = ReturnType<typeof useT>["t"];

/** A code's text: each list of codes has its keys in the feature's catalogue. */
export const codeText = (
  t: T,
  list: "kind" | "channel" | "violence" | "outcome" | "sex",
  code: string,
) => t(`serviceContacts.${list}.${code}` as PlainMessageKey);

/** Who the course is with, as the reader may see it. */
export function subjectText(t: T, subject: CourseSubjectView): string {
  if (subject.kind === "identified") return subject.name ?? t("serviceContacts.subjectHidden");
  if (subject.kind === "first_name")
    return t("serviceContacts.subjectFirstName", {
      name: subject.firstName,
      year: subject.birthYear,
    });
  return subject.birthYear === null
    ? t("serviceContacts.subjectAnonymous")
    : t("serviceContacts.subjectAnonymousYear", { year: subject.birthYear });
}

/** Minutes as hours and minutes ("1 h 30 min"). */
export function minutesText(t: T, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("serviceContacts.minutes", { minutes: rest });
  return rest === 0
    ? t("serviceContacts.hours", { hours })
    : t("serviceContacts.hoursMinutes", { hours, minutes: rest });
}
