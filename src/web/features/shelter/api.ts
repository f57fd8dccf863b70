import type { z } from "zod";
import {
  ShelterStayList,
  type StayEndReason,
  StayNote,
  type StayNoteKind,
  StayNoteList,
  StayStatus,
} from "../../../shared/api/shelter";
import type { Transport } from "../../api/transport";

export type ShelterStays = z.infer<typeof ShelterStayList>;
export type ShelterStayView = ShelterStays["current"][number];
export type StayNoteView = z.infer<typeof StayNote>;

/** The shelter's calls of the Api (api/endpoints.ts assembles every feature's). */
export function shelterApi({ get, post, id }: Transport) {
  return {
    // The stays at the caller's shelter: names and birth years, never the case behind them.
    shelterStays: (signal?: AbortSignal) => get("/api/shelter/stays", ShelterStayList, signal),
    stayNotes: (stayId: string, signal?: AbortSignal) =>
      get(`/api/stays/${id(stayId)}/notes`, StayNoteList, signal),
    checkInStay: (stayId: string, arrivedOn: string) =>
      post(`/api/stays/${id(stayId)}/check-in`, { arrivedOn }, StayStatus),
    checkOutStay: (stayId: string, leftOn: string, endReason: StayEndReason) =>
      post(`/api/stays/${id(stayId)}/check-out`, { leftOn, endReason }, StayStatus),
    addStayNote: (
      stayId: string,
      note: { kind: StayNoteKind; personId: string | null; happenedOn: string; text: string },
    ) => post(`/api/stays/${id(stayId)}/notes`, note, StayNote),
  };
}

/** The shelter's board of stays: one key for the page that reads it and the forms that change it. */
export const shelterStaysKey = ["shelter", "stays"] as const;
