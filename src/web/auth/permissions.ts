import { caseworkRoles, type Role, registrarRoles, serviceRoles } from "../../shared/api/roles";

export interface RoleAssignment {
  id: string;
  unitId: string | null;
  unitName: string | null;
  role: Role;
}

export interface UnitRef {
  id: string;
  name: string;
}

/**
 * What the signed-in user's roles let the UI offer. The server decides every request by
 * itself; this only keeps links and forms away from people who could not use them.
 */
export function hasRole(roles: readonly RoleAssignment[], role: Role): boolean {
  return roles.some((r) => r.role === role);
}

export const isAdministrator = (roles: readonly RoleAssignment[]) =>
  hasRole(roles, "administrator");

export const isUnitManager = (roles: readonly RoleAssignment[]) => hasRole(roles, "unit_manager");

/** Works with cases: holds a casework role or manages a unit. */
export function worksWithCases(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.unitId !== null && (isCasework(r.role) || r.role === "unit_manager"));
}

function isCasework(role: Role): boolean {
  return caseworkRoles.includes(role);
}

/** Units, each once and sorted by name, where the user holds one of the given roles. */
export function unitsWithRole(
  roles: readonly RoleAssignment[],
  wanted: (role: Role) => boolean,
): UnitRef[] {
  const units = new Map<string, UnitRef>();
  for (const r of roles) {
    if (r.unitId !== null && wanted(r.role)) {
      units.set(r.unitId, { id: r.unitId, name: r.unitName ?? r.unitId });
    }
  }
  return [...units.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** Units where the user may open a case: where they do casework or are the manager. */
export const caseUnits = (roles: readonly RoleAssignment[]) =>
  unitsWithRole(roles, (role) => isCasework(role) || role === "unit_manager");

/** May open a case ("Nytt ärende"): holds a role in some unit where cases are opened. */
export const mayOpenCases = (roles: readonly RoleAssignment[]) => caseUnits(roles).length > 0;

/** May register a person: the server's list of roles (persons/register.ts), in any unit. */
export const mayRegisterPersons = (roles: readonly RoleAssignment[]) =>
  roles.some((r) => registrarRoles.includes(r.role));

/**
 * An administrator may switch an account on or off, but never switch off their own (the
 * server refuses: the organisation would be left without whoever is signed in to fix it).
 */
export const mayToggleActive = (myUserId: string, user: { id: string; active: boolean }) =>
  !(user.active && user.id === myUserId);

/** Units whose staff a unit manager may review in Loggkontroll. */
export const managedUnits = (roles: readonly RoleAssignment[]) =>
  unitsWithRole(roles, (role) => role === "unit_manager");

/** Statistik: unit managers (their own units) and analysts (the organisation, suppressed). */
export const seesStatistics = (roles: readonly RoleAssignment[]) =>
  isUnitManager(roles) || hasRole(roles, "analyst");

/** Boendet: the staff of a shelter unit (issue 16); the server shows them their own place only. */
export const worksAtShelter = (roles: readonly RoleAssignment[]) => hasRole(roles, "shelter_staff");
/** Sees the register of places and the vacancy board: does case work (frid_does_case_work). */
export const seesPlaces = (roles: readonly RoleAssignment[]) =>
  roles.some((r) =>
    [
      "caseworker",
      "therapist",
      "protection_officer",
      "unit_manager",
      "housing_coordinator",
      "shelter_staff",
    ].includes(r.role),
  );
/**
 * Aktörer and Överenskommelser (issue 18): the directory and the agreements are read by
 * everyone doing case work and by their keepers (unit managers, administrators).
 */
export const seesDirectory = (roles: readonly RoleAssignment[]) =>
  seesPlaces(roles) || isAdministrator(roles);
/** Serviceinsatser (issue 17): units where the user gives service contacts (frid_gives_service). */
export const serviceUnits = (roles: readonly RoleAssignment[]) =>
  unitsWithRole(roles, (role) => serviceRoles.includes(role));
export const givesService = (roles: readonly RoleAssignment[]) => serviceUnits(roles).length > 0;
/**
 * Chatt (issue 17): the staff of a unit whose chat is on answer it, and caseworkers receive
 * conversations handed over; the server decides by the unit (the session's roles do not say
 * which units run a chat). Administrators, analysts, shelter staff and housing coordinators
 * never answer one.
 */
export const answersChat = (roles: readonly RoleAssignment[]) =>
  roles.some(
    (r) => !["administrator", "analyst", "shelter_staff", "housing_coordinator"].includes(r.role),
  );
/** Kostnader: unit managers, over the stays of the cases they may see. */
export const seesCosts = (roles: readonly RoleAssignment[]) => isUnitManager(roles);

/**
 * Konsultationer in the menu: the resource function's consultants. The log is also kept by
 * the other staff of a resource function or crisis centre (the server decides by the unit's
 * kind, which the session's roles do not carry); they reach it at its address.
 */
export const keepsConsultations = (roles: readonly RoleAssignment[]) =>
  roles.some((r) => r.unitId !== null && r.role === "consultant");
/** Kompetens: the register is read by case workers and consultants (issue 17). */
export const seesCompetence = (roles: readonly RoleAssignment[]) =>
  seesPlaces(roles) || hasRole(roles, "consultant");
/** Kompetens in the menu: those who keep the register (unit managers, consultants). */
export const keepsCompetence = (roles: readonly RoleAssignment[]) =>
  isUnitManager(roles) || hasRole(roles, "consultant");
/** Enkäter (issue 17): the consultants and managers of a unit make its surveys. */
export const makesSurveys = (roles: readonly RoleAssignment[]) =>
  roles.some((r) => r.unitId !== null && (r.role === "consultant" || r.role === "unit_manager"));

export type NavTarget =
  | "consultations"
  | "competence"
  | "myCases"
  | "personSearch"
  | "search"
  | "serviceContacts"
  | "chat"
  | "shelter"
  | "vacancies"
  | "places"
  | "agencies"
  | "agreements"
  | "audit"
  | "protection"
  | "retention"
  | "routines"
  | "actionPlans"
  | "statistics"
  | "yearlyReport"
  | "costs"
  | "surveys"
  | "admin";

/** Where each menu target lives. */
export const navPaths: Readonly<Record<NavTarget, string>> = {
  consultations: "/consultations",
  competence: "/competence",
  myCases: "/",
  personSearch: "/persons/search",
  search: "/search",
  serviceContacts: "/service-contacts",
  chat: "/chat",
  shelter: "/shelter",
  vacancies: "/vacancies",
  places: "/places",
  agencies: "/agencies",
  agreements: "/agreements",
  audit: "/audit",
  protection: "/protection",
  retention: "/retention",
  routines: "/routines",
  actionPlans: "/action-plans",
  statistics: "/statistics",
  yearlyReport: "/yearly-report",
  costs: "/costs",
  surveys: "/surveys",
  admin: "/admin",
};

/**
 * Where the user lands after signing in ("/"): the first page of their menu, so an analyst
 * starts on Statistik and an administrator on the administration, never on a case list
 * with "Nytt ärende" they may not use; shelter staff on Boendet. Without any role, the start page.
 */
export function landingPath(roles: readonly RoleAssignment[]): string {
  const first = navTargets(roles)[0];
  return first ? navPaths[first] : navPaths.myCases;
}

/** The main menu for these roles, in menu order. */
export function navTargets(roles: readonly RoleAssignment[]): NavTarget[] {
  const targets: NavTarget[] = [];
  // A consultant's work starts on the consultation log (issue 17).
  if (keepsConsultations(roles)) targets.push("consultations");
  // A housing coordinator's work starts on the vacancy board (issue 16).
  if (hasRole(roles, "housing_coordinator")) targets.push("vacancies");
  if (worksWithCases(roles)) targets.push("myCases", "personSearch", "search");
  if (givesService(roles)) targets.push("serviceContacts");
  if (answersChat(roles)) targets.push("chat");
  if (worksAtShelter(roles)) targets.push("shelter");
  if (seesPlaces(roles) && !targets.includes("vacancies")) targets.push("vacancies");
  if (seesPlaces(roles)) targets.push("places");
  // In the menu of those who work cases (the others who may read them reach them by address).
  if (worksWithCases(roles)) targets.push("agencies", "agreements");
  if (keepsCompetence(roles)) targets.push("competence");
  if (isUnitManager(roles)) targets.push("audit");
  if (hasRole(roles, "protection_officer")) targets.push("protection");
  // Gallring (issue 19, item 8): managers decide, administrators keep the rules (after admin).
  if (isUnitManager(roles)) targets.push("retention");
  // Årsrapport (issue 20): the committee's report, for those who read the statistics.
  if (seesStatistics(roles)) targets.push("statistics", "yearlyReport");
  if (seesCosts(roles)) targets.push("costs");
  if (makesSurveys(roles)) targets.push("surveys");
  if (isAdministrator(roles)) targets.push("admin");
  if (isAdministrator(roles) && !targets.includes("retention")) targets.push("retention");
  // Rutiner (issue 20, item 2): not secret; in the menu of case workers and its keepers.
  if (worksWithCases(roles) || isAdministrator(roles)) targets.push("routines");
  // Handlingsplan (issue 20, item 1): its keepers (managers, administrators) and analysts.
  if (isUnitManager(roles) || hasRole(roles, "analyst") || isAdministrator(roles))
    targets.push("actionPlans");
  return targets;
}
