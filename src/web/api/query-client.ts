import { QueryClient } from "@tanstack/react-query";

/**
 * How long an answer counts as fresh: a panel that mounts again within this time (the case
 * page after a look at the person or the safety plan) shows what was read instead of reading
 * it again. Every GET writes an audit row, so a read nobody needed is a row in the trail.
 * Half a minute keeps what is shown close to what is there; a command refreshes what it
 * changed at once (invalidation), whatever the age.
 */
export const freshFor = 30_000;

/**
 * How long an answer nobody shows is kept in memory. Short: it is personal data. Signing out
 * (or another user signing in) forgets everything at once (see useForgetOnSignOut).
 */
const keptFor = 2 * 60_000;

/**
 * The client for an audited system, where every read is recorded:
 * - nothing reads on its own: no refetch on window focus, on reconnect, or on mount while
 *   fresh; no polling;
 * - no automatic retry, for any failure: a 4xx will not change by asking again (and a 401
 *   already waits for the login dialog in createApi); a 5xx is a fault to show, and a retry
 *   would be one more audited read the person did not ask for. The person's own action
 *   (going to the page again, a button) is the retry, as it was before;
 * - errors are returned to the component (no error boundary), so its QueryError shows the
 *   server's message, and 404 / 403 show as the page decides.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: freshFor,
        gcTime: keptFor,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        refetchOnMount: true,
        refetchInterval: false,
        retry: false,
        throwOnError: false,
      },
      mutations: { retry: false, throwOnError: false },
    },
  });
}
