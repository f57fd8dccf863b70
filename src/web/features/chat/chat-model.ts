import type { ChatMessageView, ChatServerEvent } from "../../../shared/api/chat";
import type { ChatPeriod } from "../../../shared/chat-hours";

/**
 * The chat's pure rules for the pages: the socket's address, merging live messages into what
 * was read, the quick exit's double Escape, and the opening hours as text.
 */

/** The socket on this page's own origin (ws: or wss: as the page is served). */
export function socketUrl(location: { protocol: string; host: string }, path: string): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;
}

/** Messages read and messages that came live, once each, in the order they were sent. */
export function mergeMessages(
  read: readonly ChatMessageView[],
  live: readonly ChatMessageView[],
): ChatMessageView[] {
  const byId = new Map<string, ChatMessageView>();
  for (const m of [...read, ...live]) byId.set(m.id, m);
  return [...byId.values()].sort(
    (a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id),
  );
}

export function parseEvent(data: unknown): ChatServerEvent | null {
  try {
    const event = JSON.parse(String(data)) as ChatServerEvent;
    return typeof event?.type === "string" ? event : null;
  } catch {
    return null;
  }
}

/** Escape twice within this long leaves the chat (as the "Lämna snabbt" button does). */
export const doubleEscapeMs = 1000;

/** Tells whether this Escape is the second within the window; keeps the last one's time. */
export function doubleEscape(): (now: number) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (now) => {
    const second = now - last <= doubleEscapeMs;
    last = second ? Number.NEGATIVE_INFINITY : now;
    return second;
  };
}

/** Consecutive weekdays with the same hours as one line: "mån–fre 08:00–17:00". */
export function hoursLines(hours: readonly ChatPeriod[], dayNames: readonly string[]): string[] {
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  const lines: { first: number; last: number; from: string; to: string }[] = [];
  for (const p of sorted) {
    const previous = lines.at(-1);
    if (
      previous &&
      previous.last === p.weekday - 1 &&
      previous.from === p.from &&
      previous.to === p.to
    )
      previous.last = p.weekday;
    else lines.push({ first: p.weekday, last: p.weekday, from: p.from, to: p.to });
  }
  return lines.map((l) => {
    const days =
      l.first === l.last
        ? dayNames[l.first - 1]
        : `${dayNames[l.first - 1]}–${dayNames[l.last - 1]}`;
    return `${days} ${l.from}–${l.to}`;
  });
}
