import { useEffect, useRef, useState } from "react";
import type { ChatServerEvent } from "../../../shared/api/chat";
import { parseEvent, socketUrl } from "./chat-model";

/**
 * Staff's socket, opened with the session cookie (the server checks the Origin and the
 * session's roles on every message). `send` watches a conversation or answers in it; every
 * event the server sends goes to `onEvent`.
 */
export function useStaffSocket(onEvent: (event: ChatServerEvent) => void) {
  const socket = useRef<WebSocket | null>(null);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [open, setOpen] = useState(false);
  const pending = useRef<string[]>([]);

  useEffect(() => {
    const ws = new WebSocket(socketUrl(window.location, "/api/chat/staff-socket"));
    socket.current = ws;
    ws.onopen = () => {
      setOpen(true);
      for (const message of pending.current.splice(0)) ws.send(message);
    };
    ws.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (event) handler.current(event);
    };
    ws.onclose = () => setOpen(false);
    return () => ws.close();
  }, []);

  const send = (message: object) => {
    const text = JSON.stringify(message);
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(text);
    else pending.current.push(text);
  };
  return { open, send };
}
