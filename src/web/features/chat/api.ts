import {
  ChatConversationView,
  type ChatIntakeBody,
  ChatIntakeResult,
  ChatQueue,
  type ChatSettingsBody,
  ChatSettingsList,
  ChatSettingsView,
} from "../../../shared/api/chat";
import type { Transport } from "../../api/transport";

export type {
  ChatConversationView,
  ChatMessageView,
  ChatQueue,
  ChatSettingsView,
} from "../../../shared/api/chat";

/** Staff's chat calls of the Api (api/endpoints.ts assembles every feature's). */
export function chatApi({ get, post, put, id }: Transport) {
  return {
    chatSettings: (signal?: AbortSignal) => get("/api/chat/settings", ChatSettingsList, signal),
    saveChatSettings: (unitId: string, body: ChatSettingsBody) =>
      put(`/api/chat/settings/${id(unitId)}`, body, ChatSettingsView),
    chatQueue: (signal?: AbortSignal) => get("/api/chat/queue", ChatQueue, signal),
    chatConversation: (conversationId: string, signal?: AbortSignal) =>
      get(`/api/chat/conversations/${id(conversationId)}`, ChatConversationView, signal),
    chatCommand: (conversationId: string, command: "take" | "close") =>
      post(`/api/chat/conversations/${id(conversationId)}/${command}`, {}, ChatConversationView),
    chatConsent: (conversationId: string, words: string) =>
      post(
        `/api/chat/conversations/${id(conversationId)}/consent`,
        { words },
        ChatConversationView,
      ),
    chatHandOver: (conversationId: string, unitId: string) =>
      post(
        `/api/chat/conversations/${id(conversationId)}/hand-over`,
        { unitId },
        ChatConversationView,
      ),
    chatIntake: (conversationId: string, body: ChatIntakeBody) =>
      post(`/api/chat/conversations/${id(conversationId)}/intake`, body, ChatIntakeResult),
  };
}

export const chatQueueKey = ["chat", "queue"] as const;
export const chatConversationKey = (conversationId: string) =>
  ["chat", "conversation", conversationId] as const;
export const chatSettingsKey = ["chat", "settings"] as const;
