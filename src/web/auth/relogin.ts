/**
 * Where requests that met an ended session wait (a 401 while signed in): the page stays as it
 * is, a login dialog opens, and when the same user has logged in again every waiting request
 * is sent again (see createApi). A 401 is answered before a route does anything, so sending
 * the same request again can never do a thing twice.
 */
export class ReloginGate {
  #waiting: { promise: Promise<void>; pass: () => void; refuse: (error: unknown) => void } | null =
    null;

  /** `changed(true)` when the first request starts waiting, `changed(false)` when the gate closes. */
  constructor(private readonly changed: (open: boolean) => void) {}

  get open(): boolean {
    return this.#waiting !== null;
  }

  /** Resolves once the user has logged in again; rejects when they did not. */
  wait(): Promise<void> {
    if (!this.#waiting) {
      let pass = () => {};
      let refuse: (error: unknown) => void = () => {};
      const promise = new Promise<void>((resolve, reject) => {
        pass = resolve;
        refuse = reject;
      });
      // A gate nobody waited at must not report an unhandled rejection.
      promise.catch(() => {});
      this.#waiting = { promise, pass, refuse };
      this.changed(true);
    }
    return this.#waiting.promise;
  }

  /** The same user is signed in again: send everything that waited. */
  pass(): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting) {
      this.changed(false);
      waiting.pass();
    }
  }

  /** Logged out, or someone else logged in: nothing that waited is sent. */
  refuse(error: unknown): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting) {
      this.changed(false);
      waiting.refuse(error);
    }
  }
}
