import { describe, expect, it } from "vitest";
import { RaiseRiskAlertBody } from "../../../shared/api/barrier-events";
import type { BarrierEvent } from "../../api/endpoints";
import { sv } from "../../i18n/sv";
import {
  alertLevelLabels,
  awaitsAcknowledgement,
  checkRiskAlert,
  emptyRiskAlertDraft,
  escalation,
  eventWording,
  orderEvents,
  riskAlertFields,
  shownEvents,
} from "./barrier-events-model";

let n = 0;
function event(e: Partial<BarrierEvent>): BarrierEvent {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    kind: "treatment_started",
    direction: "received",
    eventOn: "2026-11-20",
    level: null,
    createdAt: "2026-11-20T09:00:00.000Z",
    acknowledgedAt: null,
    acknowledgedBy: null,
    reason: null,
    escalatesAt: null,
    ...e,
  };
}

describe("eventWording", () => {
  it("words every kind; an absence with its day, an alert with its level", () => {
    expect(eventWording(event({ kind: "absence", eventOn: "2026-11-19" }))).toEqual({
      form: "absence",
      day: "2026-11-19",
    });
    expect(eventWording(event({ kind: "risk_alert", level: "very_high" }))).toEqual({
      form: "alert",
      level: "barrierEvents.level.very_high",
    });
    for (const kind of [
      "treatment_started",
      "treatment_interrupted",
      "treatment_completed",
      "consent_withdrawn",
    ] as const) {
      const wording = eventWording(event({ kind }));
      expect(wording.form).toBe("plain");
    }
    expect(sv[alertLevelLabels.high]).toBe("Hög");
  });
});

describe("acknowledgement", () => {
  it("waits only for received events not yet acknowledged", () => {
    expect(awaitsAcknowledgement(event({}))).toBe(true);
    expect(awaitsAcknowledgement(event({ direction: "sent" }))).toBe(false);
    expect(awaitsAcknowledgement(event({ acknowledgedAt: "2026-11-20T10:00:00.000Z" }))).toBe(
      false,
    );
  });

  it("puts those waiting first, the longest waiting first, and keeps the rest in order", () => {
    const sent = event({ direction: "sent", createdAt: "2026-11-21T09:00:00.000Z" });
    const newWaiting = event({ createdAt: "2026-11-20T12:00:00.000Z" });
    const done = event({ acknowledgedAt: "2026-11-19T10:00:00.000Z" });
    const oldWaiting = event({ createdAt: "2026-11-18T12:00:00.000Z" });
    expect(orderEvents([sent, newWaiting, done, oldWaiting])).toEqual([
      oldWaiting,
      newWaiting,
      sent,
      done,
    ]);
  });

  it("says when an unacknowledged received alert goes to the unit manager", () => {
    const alert = event({
      kind: "risk_alert",
      level: "high",
      escalatesAt: "2026-11-20T13:00:00.000Z",
    });
    expect(escalation(alert, new Date("2026-11-20T12:00:00.000Z"))).toEqual({
      at: "2026-11-20T13:00:00.000Z",
      passed: false,
    });
    expect(escalation(alert, new Date("2026-11-20T14:00:00.000Z"))?.passed).toBe(true);
    expect(escalation({ ...alert, acknowledgedAt: "2026-11-20T12:30:00.000Z" }, new Date())).toBe(
      null,
    );
    expect(escalation(event({ kind: "absence" }), new Date())).toBeNull();
  });
});

describe("checkRiskAlert", () => {
  it("asks for a level and a reason", () => {
    expect(checkRiskAlert({ level: "", reason: "  ", partnerId: "" })).toEqual({
      ok: false,
      fields: { level: "barrierEvents.errorLevel", reason: "barrierEvents.errorReason" },
    });
    expect(checkRiskAlert(emptyRiskAlertDraft).ok).toBe(false);
  });

  it("sends the reason trimmed, in the server's shape", () => {
    const checked = checkRiskAlert({
      level: "high",
      reason: " Hotade i telefon. \n",
      partnerId: "",
    });
    expect(checked).toEqual({
      ok: true,
      body: { level: "high", reason: "Hotade i telefon.", partnerId: null },
    });
    if (checked.ok) expect(RaiseRiskAlertBody.safeParse(checked.body).success).toBe(true);
    expect([...riskAlertFields].sort()).toEqual(Object.keys(RaiseRiskAlertBody.shape).sort());
  });
});

describe("shownEvents", () => {
  it("lists an old unacknowledged event first, and once, even when a loaded page holds it", () => {
    const waiting = event({ createdAt: "2026-01-01T09:00:00.000Z" });
    const newer = event({ direction: "sent", createdAt: "2026-11-20T09:00:00.000Z" });
    const older = event({ acknowledgedAt: "2026-02-01T09:00:00.000Z" });
    // Only the waiting one: it came apart from the pages.
    expect(shownEvents([waiting], [newer]).map((e) => e.id)).toEqual([waiting.id, newer.id]);
    // Its own page loaded later: still once.
    expect(shownEvents([waiting], [newer, older, waiting]).map((e) => e.id)).toEqual([
      waiting.id,
      newer.id,
      older.id,
    ]);
  });
});
