import {
  type ApproverBody,
  RoutineApprover,
  type RoutineBody,
  RoutineRegister,
  RoutineView,
  type UpdateRoutineBody,
} from "../../../shared/api/routines";
import { parseWith, postFile } from "../../api/client";
import type { Transport } from "../../api/transport";

export type { RoutineRegister, RoutineView };
export type RoutineInput = RoutineBody;
export type RoutineChange = UpdateRoutineBody;
export type ApproverInput = ApproverBody;

/** The routines register (api/endpoints.ts assembles every feature's). */
export function routinesApi({ call, get, post, put, opts, id }: Transport) {
  const routine = (routineId: string) => `/api/routines/${id(routineId)}`;
  return {
    routines: (onDate: string | null, signal?: AbortSignal) =>
      get(
        onDate ? `/api/routines?${new URLSearchParams({ onDate })}` : "/api/routines",
        RoutineRegister,
        signal,
      ),
    createRoutine: (input: RoutineInput) => post("/api/routines", input, RoutineView),
    correctRoutine: (routineId: string, input: RoutineChange) =>
      put(routine(routineId), input, RoutineView),
    reviseRoutine: (routineId: string, input: RoutineChange) =>
      post(`${routine(routineId)}/revisions`, input, RoutineView),
    addRoutineApprover: (input: ApproverInput) =>
      post("/api/routine-approvers", input, RoutineApprover),
    // The file itself as the body; the server reads its first bytes, not the declared type.
    uploadRoutineDocument: (routineId: string, file: File, version: number) =>
      call(async () =>
        parseWith(
          RoutineView,
          await postFile(
            `${routine(routineId)}/document?${new URLSearchParams({ filename: file.name, version: String(version) })}`,
            file,
            "application/octet-stream",
            opts(),
          ),
        ),
      ),
    /** The routine's document, for a plain link. */
    routineDocumentUrl: (routineId: string) => `${routine(routineId)}/document`,
  };
}
