import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useAuth } from "../auth/useSession";
import { createQueryClient } from "./query-client";

/** The one QueryClient of the page (see query-client.ts for its audited-system settings). */
export function ServerState({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Whether what was read must be forgotten when the signed-in user goes from `was` to `is`. */
export function mustForget(was: string | null, is: string | null): boolean {
  return was !== null && was !== is;
}

/**
 * Forgets every answer read when the signed-in user changes: logged out, the session ended
 * and someone else logged in, or the login page shown again. (Nothing is read before
 * the first login, so that needs nothing forgotten.) Nothing one person read is ever
 * shown to the next from memory. (A relogin by the same user keeps the page and its answers.)
 */
export function ForgetOnSignOut() {
  const { state } = useAuth();
  const client = useQueryClient();
  const userId = state.status === "authenticated" ? state.me.user.id : null;
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (mustForget(previous.current, userId)) client.clear();
    previous.current = userId;
  }, [userId, client]);
  return null;
}
