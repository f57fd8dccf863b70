import type { z } from "zod";
import {
  UnitList,
  UnitView,
  type UpdateUnitBody,
  UserList,
  UserView,
} from "../../../shared/api/admin";
import {
  type AssessmentView,
  ImportInstrumentResult,
  type InstrumentDefinition,
  InstrumentList,
} from "../../../shared/api/assessments";
import type { Role, unitKinds } from "../../../shared/api/roles";
import { deleteJson, parseWith, patchJson } from "../../api/client";
import type { Transport } from "../../api/transport";

export type UnitKind = (typeof unitKinds)[number];
export type { AssessmentView };
export type InstrumentSummary = z.infer<typeof InstrumentList>["instruments"][number];
export type InstrumentDefinitionView = z.output<typeof InstrumentDefinition>;
export type UpdateUnitInput = z.input<typeof UpdateUnitBody>;

/** The admin calls of the Api (api/endpoints.ts assembles every feature's). */
export function adminApi({ call, get, post, postNoContent, opts, id }: Transport) {
  return {
    // Administration.
    units: (signal?: AbortSignal) => get("/api/admin/units", UnitList, signal),
    createUnit: (name: string, kind: UnitKind) =>
      post("/api/admin/units", { name, kind }, UnitView),
    /** Contact details printed on letters and forms, and the partner follow-up interval. */
    updateUnit: (unitId: string, changes: UpdateUnitInput) =>
      call(async () =>
        parseWith(UnitView, await patchJson(`/api/admin/units/${id(unitId)}`, changes, opts())),
      ),
    users: (signal?: AbortSignal) => get("/api/admin/users", UserList, signal),
    createUser: (username: string, displayName: string, password: string) =>
      post("/api/admin/users", { username, displayName, password }, UserView),
    updateUser: (userId: string, changes: { displayName?: string; active?: boolean }) =>
      call(async () =>
        parseWith(UserView, await patchJson(`/api/admin/users/${id(userId)}`, changes, opts())),
      ),
    addRole: (userId: string, unitId: string | null, role: Role) =>
      post(`/api/admin/users/${id(userId)}/roles`, { unitId, role }, UserView),
    removeRole: (assignmentId: string) =>
      call(async () => {
        await deleteJson(`/api/admin/role-assignments/${id(assignmentId)}`, opts());
      }),
    resetMfa: (userId: string) => postNoContent(`/api/admin/users/${id(userId)}/mfa-reset`),
    // Administration of instruments: every instrument's latest version (export one as JSON
    // with instrumentVersion), and import of a definition (a new one or a higher version).
    allInstruments: (signal?: AbortSignal) => get("/api/instruments", InstrumentList, signal),
    importInstrument: (definition: unknown) =>
      post("/api/admin/instruments", definition, ImportInstrumentResult),
  };
}
