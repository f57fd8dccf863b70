import { useEffect, useState } from "react";
import { type AppInfo, fetchAppInfo } from "../api/app-info";

export type AppInfoState =
  | { status: "loading" }
  | { status: "ready"; info: AppInfo }
  | { status: "error"; error: unknown };

/** Loads /api/app-info once per mount. */
export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    fetchAppInfo({ signal: controller.signal }).then(
      (info) => setState({ status: "ready", info }),
      (error: unknown) => {
        // Unmounting (or StrictMode's double effect) aborts; that is not a failure to show.
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, []);

  return state;
}
