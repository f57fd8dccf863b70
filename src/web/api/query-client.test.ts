import { focusManager, onlineManager, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./client";
import { createQueryClient } from "./query-client";
import { mustForget } from "./ServerState";

// As in a browser: without a window, TanStack Query behaves as on a server (no retries, no
// focus), and these tests could not fail.
vi.hoisted(() => {
  (globalThis as { window?: unknown }).window ??= globalThis;
});

/*
 * Every GET writes an audit row: the web must read only when a person's step asks for it.
 * These tests drive the client as a mounted panel would (a QueryObserver) and count the
 * reads the server would have seen.
 */

afterEach(() => {
  focusManager.setFocused(undefined);
  onlineManager.setOnline(true);
});

/** A panel showing ["case", "c1"]: its reads counted, its answer or failure awaited. */
async function mounted(answer: () => Promise<unknown>) {
  const client = createQueryClient();
  // As QueryClientProvider does: listen to focus and network.
  client.mount();
  let reads = 0;
  const options = {
    queryKey: ["case", "c1"],
    queryFn: () => {
      reads += 1;
      return answer();
    },
  };
  const observer = new QueryObserver(client, options);
  const unsubscribe = observer.subscribe(() => {});
  const settled = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        const { fetchStatus } = observer.getCurrentResult();
        if (fetchStatus === "idle") resolve();
        else setTimeout(check, 5);
      };
      check();
    });
  await settled();
  return { client, options, observer, unsubscribe, settled, reads: () => reads };
}

describe("the query client of an audited system", () => {
  it("does not read again when the window gets focus or the network comes back", async () => {
    const panel = await mounted(async () => ({ id: "c1" }));
    expect(panel.reads()).toBe(1);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    await panel.settled();
    expect(panel.reads()).toBe(1);
    panel.unsubscribe();
  });

  it("does not read again when a panel mounts while the answer is fresh", async () => {
    const panel = await mounted(async () => ({ id: "c1" }));
    const second = new QueryObserver(panel.client, panel.options);
    const off = second.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    await panel.settled();
    expect(second.getCurrentResult().data).toEqual({ id: "c1" });
    expect(panel.reads()).toBe(1);
    off();
    panel.unsubscribe();
  });

  it("does not retry a refusal (4xx) or a server fault (5xx): each would be one more audited read", async () => {
    for (const status of [403, 404, 500, 503]) {
      const panel = await mounted(async () => {
        throw new ApiError(status, "x", "refused");
      });
      expect(panel.reads(), `status ${status}`).toBe(1);
      // The error reaches the panel (QueryError, or the page's own 404 text).
      expect(panel.observer.getCurrentResult().error).toBeInstanceOf(ApiError);
      panel.unsubscribe();
    }
  });
});

describe("answers are forgotten when the signed-in user changes", () => {
  it("forgets on logout and when someone else is signed in, keeps them for the same user", () => {
    expect(mustForget("lina", null)).toBe(true);
    expect(mustForget("lina", "omar")).toBe(true);
    expect(mustForget("lina", "lina")).toBe(false);
    // Nothing was read before the first login.
    expect(mustForget(null, "lina")).toBe(false);
  });
});
