import type { RoutineArea, RoutineStatus } from "../../../shared/api/routines";

/** The message keys of an area and a status (messages.sv.ts). */
export const areaKey = (area: RoutineArea) => `routines.area.${area}` as const;
export const statusKey = (status: RoutineStatus) => `routines.status.${status}` as const;
