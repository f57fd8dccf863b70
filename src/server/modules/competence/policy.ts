import type { Actor } from "../../access/actor.ts";
import { doesCaseWork } from "../places/policy.ts";

/**
 * Who keeps and who reads the competence register (issue 17, item 5): the same rules as
 * frid_keeps_competence and frid_reads_competence in migration 0059; row-level security
 * checks them again. The register belongs to the organisation, not to a unit.
 */

/** Keeps the register: a unit manager or a consultant of any unit. */
export const keepsCompetence = (actor: Actor) =>
  actor.roles.some((r) => r.role === "unit_manager" || r.role === "consultant");

/** Reads the register: anyone doing case work (as the places register says) or consulting. */
export const readsCompetence = (actor: Actor) =>
  doesCaseWork(actor) || actor.roles.some((r) => r.role === "consultant");

/** The register's kinds of entry, each with its table. */
export const competenceTables = {
  training: "training",
  instructor: "instructor",
  meeting: "instructor_meeting",
  supervision: "supervision_session",
  study_visit: "study_visit",
} as const;
export type CompetenceRecord = keyof typeof competenceTables;
