import { describe, expect, it } from "vitest";
import { doubleEscape, hoursLines, mergeMessages, socketUrl } from "./chat-model";

const days = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"];

describe("the chat's rules for the pages", () => {
  it("opens the socket on the page's own origin, wss: under https", () => {
    expect(socketUrl({ protocol: "https:", host: "frid.example.se" }, "/api/chat/socket")).toBe(
      "wss://frid.example.se/api/chat/socket",
    );
    expect(socketUrl({ protocol: "http:", host: "127.0.0.1:3000" }, "/x")).toBe(
      "ws://127.0.0.1:3000/x",
    );
  });

  it("merges live messages into those read, once each, in order", () => {
    const m = (id: string, sentAt: string) => ({
      id,
      sender: "young" as const,
      authorName: null,
      body: id,
      sentAt,
    });
    const merged = mergeMessages(
      [m("a", "2026-01-01T10:00:00Z"), m("b", "2026-01-01T10:01:00Z")],
      [m("c", "2026-01-01T10:02:00Z"), m("b", "2026-01-01T10:01:00Z")],
    );
    expect(merged.map((x) => x.id)).toEqual(["a", "b", "c"]);
  });

  it("leaves on the second Escape within a second, not on two far apart", () => {
    const second = doubleEscape();
    expect(second(0)).toBe(false);
    expect(second(1500)).toBe(false);
    expect(second(2200)).toBe(true);
    expect(second(2300)).toBe(false);
  });

  it("writes the opening hours as the days they share", () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: "08:00", to: "17:00" }));
    expect(hoursLines([...weekdays, { weekday: 6, from: "10:00", to: "14:00" }], days)).toEqual([
      "mån–fre 08:00–17:00",
      "lör 10:00–14:00",
    ]);
    expect(hoursLines([], days)).toEqual([]);
  });
});
