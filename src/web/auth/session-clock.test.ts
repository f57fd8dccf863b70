import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import type { SessionStatus } from "../api/endpoints";
import {
  heartbeatEverySeconds,
  SessionClock,
  type SessionWarning,
  warningLeadSeconds,
} from "./session-clock";

const status = (endsInSeconds: number, idleLimitSeconds = 1800): SessionStatus => ({
  idleLimitSeconds,
  endsInSeconds,
  endsBy: "idle",
});

describe("the session clock in the browser", () => {
  let warnings: (SessionWarning | null)[];
  let server: {
    sessionStatus: Mock<() => Promise<SessionStatus>>;
    heartbeat: Mock<() => Promise<SessionStatus>>;
  };
  let clock: SessionClock;
  beforeEach(() => {
    vi.useFakeTimers();
    warnings = [];
    server = { sessionStatus: vi.fn(), heartbeat: vi.fn() };
    clock = new SessionClock(server, (w) => warnings.push(w));
  });
  afterEach(() => {
    clock.stop();
    vi.useRealTimers();
  });
  const last = () => warnings.at(-1) ?? null;

  it("warns two minutes before the end, or a third of a short idle limit", () => {
    expect(warningLeadSeconds(1800)).toBe(120);
    expect(warningLeadSeconds(45)).toBe(15);
    expect(heartbeatEverySeconds(1800)).toBe(60);
    expect(heartbeatEverySeconds(45)).toBe(11);
  });

  it("asks the server again when the warning is due, and warns with the end it gives", async () => {
    server.sessionStatus.mockResolvedValueOnce(status(1800));
    clock.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBeNull();
    // Another tab kept the session going meanwhile: no warning yet, ask again later.
    server.sessionStatus.mockResolvedValueOnce(status(600));
    await vi.advanceTimersByTimeAsync(1680_000);
    expect(server.sessionStatus).toHaveBeenCalledTimes(2);
    expect(last()).toBeNull();
    server.sessionStatus.mockResolvedValueOnce(status(100));
    await vi.advanceTimersByTimeAsync(480_000);
    expect(last()).toEqual({ endsAt: Date.now() + 100_000, endsBy: "idle" });
  });

  it("sends a heartbeat while the user types, at most once a minute, and at once while warned", async () => {
    server.sessionStatus.mockResolvedValueOnce(status(1800));
    server.heartbeat.mockResolvedValue(status(1800));
    clock.start();
    await vi.advanceTimersByTimeAsync(0);
    clock.typed();
    expect(server.heartbeat).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(61_000);
    clock.typed();
    clock.typed();
    expect(server.heartbeat).toHaveBeenCalledTimes(1);

    // The heartbeat's answer put the next question 28 minutes off; then the warning is due.
    server.sessionStatus.mockResolvedValueOnce(status(90));
    await vi.advanceTimersByTimeAsync(1700_000);
    expect(last()).not.toBeNull();
    clock.typed();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.heartbeat).toHaveBeenCalledTimes(2);
    expect(last()).toBeNull();
  });

  it("lets no older answer bring back a warning that a heartbeat took away", async () => {
    server.sessionStatus.mockResolvedValueOnce(status(60));
    clock.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).not.toBeNull();
    let answerCheck: (s: SessionStatus) => void = () => {};
    server.sessionStatus.mockReturnValueOnce(new Promise((r) => (answerCheck = r)));
    clock.check();
    server.heartbeat.mockResolvedValueOnce(status(1800));
    clock.continueWorking();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBeNull();
    answerCheck(status(59));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBeNull();
  });

  it("asks again a little later when the server could not be reached", async () => {
    server.sessionStatus.mockRejectedValueOnce(new Error("offline"));
    server.sessionStatus.mockResolvedValueOnce(status(60));
    clock.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.sessionStatus).toHaveBeenCalledTimes(2);
    expect(last()).not.toBeNull();
  });
});
