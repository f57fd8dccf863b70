import type { CompetenceRegister } from "./api";

/*
 * Pure rules of the Kompetens page: numbers as people type them, and what the register's
 * tables add up (the figures themselves are the server's: GET /api/competence/figures).
 */

/** A number typed in a form, a decimal comma allowed ("3,5"); NaN when empty or not a number. */
export function numberOf(text: string): number {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" || !/^\d+(\.\d+)?$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

/** The training's participants in all, over its organisations and roles. */
export const participantsOf = (training: CompetenceRegister["trainings"][number]) =>
  training.participants.reduce((n, g) => n + g.participants, 0);

/** How many of the year's follow-up meetings the instructor attended. */
export const meetingsAttended = (register: CompetenceRegister, instructorId: string) =>
  register.meetings.filter((m) => m.attendeeIds.includes(instructorId)).length;

/** A participant group as the form's row holds it: all three texts as typed. */
export interface GroupRow {
  organisation: string;
  role: string;
  participants: string;
}

/** The rows with anything in them, as the body's groups (a count as typed; the server checks). */
export function groupsOf(rows: readonly GroupRow[]) {
  return rows
    .filter((r) => r.organisation.trim() !== "" || r.participants.trim() !== "")
    .map((r) => ({
      organisation: r.organisation,
      role: r.role.trim() === "" ? null : r.role,
      participants: numberOf(r.participants),
    }));
}
