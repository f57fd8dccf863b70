import type { SessionStatus } from "../api/endpoints";

export interface SessionWarning {
  /** When the session ends, by this browser's clock (the server said how many seconds from now). */
  endsAt: number;
  /** "idle": working on puts the end off; "absolute": nothing does. */
  endsBy: SessionStatus["endsBy"];
}

/** Two minutes' warning; a third of the idle limit when that is short (as in browser tests). */
export function warningLeadSeconds(idleLimitSeconds: number): number {
  return Math.min(120, Math.floor(idleLimitSeconds / 3));
}

/** While the user types, one heartbeat a minute at most (a quarter of a short idle limit). */
export function heartbeatEverySeconds(idleLimitSeconds: number): number {
  return Math.min(60, Math.max(1, Math.floor(idleLimitSeconds / 4)));
}

/** When the server could not be asked (network), ask again this much later. */
const retrySeconds = 10;

interface ClockApi {
  sessionStatus(): Promise<SessionStatus>;
  heartbeat(): Promise<SessionStatus>;
}

/**
 * The browser's side of the session clock. It never guesses the end: it asks the server
 * (GET /api/auth/session, which does not count as activity) when a warning may be due, so
 * another tab's work, or a server that ended the session early, is seen as it is. Typing
 * sends a heartbeat now and then; continueWorking sends one at once. When the session has
 * ended, the question meets 401 and waits for the login dialog like any other request.
 */
export class SessionClock {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #idleLimitSeconds = 0;
  #lastBeat = 0;
  #warning: SessionWarning | null = null;
  /** Answers are numbered: an answer older than one already shown is ignored. */
  #asked = 0;
  #shown = 0;

  constructor(
    private readonly api: ClockApi,
    private readonly onWarning: (warning: SessionWarning | null) => void,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.#lastBeat = this.now();
    this.check();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** The user typed: a heartbeat unless one went out lately, and at once while warned. */
  typed(): void {
    const every = heartbeatEverySeconds(this.#idleLimitSeconds) * 1000;
    if (this.#warning === null && this.now() - this.#lastBeat < every) return;
    this.continueWorking();
  }

  continueWorking(): void {
    this.#lastBeat = this.now();
    this.#ask(() => this.api.heartbeat());
  }

  check(): void {
    this.#ask(() => this.api.sessionStatus());
  }

  #ask(request: () => Promise<SessionStatus>): void {
    const number = ++this.#asked;
    request().then(
      (status) => this.#show(number, status),
      () => this.#later(retrySeconds),
    );
  }

  #show(number: number, status: SessionStatus): void {
    if (this.#stopped || number < this.#shown) return;
    this.#shown = number;
    this.#idleLimitSeconds = status.idleLimitSeconds;
    const lead = warningLeadSeconds(status.idleLimitSeconds);
    if (status.endsInSeconds > lead) {
      this.#setWarning(null);
      this.#later(status.endsInSeconds - lead);
      return;
    }
    this.#setWarning({ endsAt: this.now() + status.endsInSeconds * 1000, endsBy: status.endsBy });
    // Just after the end: the question then meets 401, which opens the login dialog.
    this.#later(status.endsInSeconds + 1);
  }

  #later(seconds: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), seconds * 1000);
  }

  #setWarning(warning: SessionWarning | null): void {
    if (warning === null && this.#warning === null) return;
    this.#warning = warning;
    this.onWarning(warning);
  }
}
