import { type Api, createApiOn } from "../api/endpoints";
import type { Transport } from "../api/transport";
import { useAuth } from "./useSession";

export { useAuth, useMe } from "./useSession";

// One Api object per session's transport, whichever component asks first.
const apis = new WeakMap<Transport, Api>();

/**
 * Frid's whole API, for pages. It is assembled here, not in the shell, so every feature's
 * calls and response schemas travel with the pages that use them (docs/adr/0006).
 */
export function useApi(): Api {
  const { transport } = useAuth();
  let api = apis.get(transport);
  if (!api) {
    api = createApiOn(transport);
    apis.set(transport, api);
  }
  return api;
}
