import { useCallback, useEffect, useRef, useState } from "react";
import type { SessionApi } from "./context";
import { SessionClock, type SessionWarning } from "./session-clock";

/**
 * Runs the session clock while a user is signed in: typing anywhere on the page (an input
 * event) is activity, and coming back to the tab asks at once how long is left (a hidden
 * tab's timers may run late).
 */
export function useSessionClock(api: SessionApi, active: boolean) {
  const [warning, setWarning] = useState<SessionWarning | null>(null);
  const clock = useRef<SessionClock | null>(null);

  useEffect(() => {
    if (!active) return;
    const current = new SessionClock(api, setWarning);
    clock.current = current;
    const typed = () => current.typed();
    const visible = () => {
      if (document.visibilityState === "visible") current.check();
    };
    document.addEventListener("input", typed, true);
    document.addEventListener("visibilitychange", visible);
    current.start();
    return () => {
      current.stop();
      document.removeEventListener("input", typed, true);
      document.removeEventListener("visibilitychange", visible);
      clock.current = null;
      setWarning(null);
    };
  }, [api, active]);

  const continueWorking = useCallback(() => clock.current?.continueWorking(), []);
  return { warning, continueWorking };
}
