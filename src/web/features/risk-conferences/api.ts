import type { z } from "zod";
import {
  ConferenceActionFollowUp,
  OwnConferenceAction,
} from "../../../shared/api/conference-actions";
import {
  type ConferenceActionBody,
  type ConferenceAgencyBody,
  ConferenceCriteria,
  ConferencePack,
  type ReferToConferenceBody,
  RiskConferenceList,
  RiskConferenceView,
  type UpdateConferenceBody,
} from "../../../shared/api/risk-conferences";
import { parseWith, patchJson } from "../../api/client";
import type { Transport } from "../../api/transport";

export type RiskConference = z.infer<typeof RiskConferenceView>;
export type ConferenceCriteriaView = z.infer<typeof ConferenceCriteria>;
export type ConferencePackView = z.infer<typeof ConferencePack>;
export type UpdateConferenceInput = z.input<typeof UpdateConferenceBody>;

/** The risk-conference calls of the Api (api/endpoints.ts assembles every feature's). */
export function riskConferencesApi({ call, get, post, put, opts, id }: Transport) {
  return {
    conferenceCriteria: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/risk-conference-criteria`, ConferenceCriteria, signal),
    riskConferences: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/risk-conferences`, RiskConferenceList, signal),
    riskConference: (conferenceId: string, signal?: AbortSignal) =>
      get(`/api/risk-conferences/${id(conferenceId)}`, RiskConferenceView, signal),
    updateConference: (conferenceId: string, input: UpdateConferenceInput) =>
      call(async () =>
        parseWith(
          RiskConferenceView,
          await patchJson(`/api/risk-conferences/${id(conferenceId)}`, input, opts()),
        ),
      ),
    recordConferenceAgency: (
      conferenceId: string,
      agencyId: string,
      input: z.input<typeof ConferenceAgencyBody>,
    ) =>
      put(
        `/api/risk-conferences/${id(conferenceId)}/agencies/${id(agencyId)}`,
        input,
        RiskConferenceView,
      ),
    conferencePack: (conferenceId: string, agencyId: string, signal?: AbortSignal) =>
      get(
        `/api/risk-conferences/${id(conferenceId)}/agencies/${id(agencyId)}/pack`,
        ConferencePack,
        signal,
      ),
    referToConference: (caseId: string, input: z.input<typeof ReferToConferenceBody>) =>
      post(`/api/cases/${id(caseId)}/risk-conferences`, input, RiskConferenceView),
    addConferenceAction: (conferenceId: string, input: z.input<typeof ConferenceActionBody>) =>
      post(`/api/risk-conferences/${id(conferenceId)}/actions`, input, RiskConferenceView),
    followUpConferenceAction: (
      actionId: string,
      input: { version: number; done: boolean; notes: string },
    ) =>
      call(async () =>
        parseWith(
          RiskConferenceView,
          await patchJson(`/api/risk-conference-actions/${id(actionId)}`, input, opts()),
        ),
      ),
    // One action, for its owner too (who may not see the case): ActionPage.tsx.
    conferenceAction: (actionId: string, signal?: AbortSignal) =>
      get(`/api/risk-conference-actions/${id(actionId)}`, OwnConferenceAction, signal),
    followUpOwnAction: (
      actionId: string,
      input: { version: number; done: boolean; notes: string },
    ) =>
      call(async () =>
        parseWith(
          ConferenceActionFollowUp,
          await patchJson(`/api/risk-conference-actions/${id(actionId)}`, input, opts()),
        ),
      ),
  };
}
