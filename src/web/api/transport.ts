import type { z } from "zod";
import { ApiError, getJson, parseWith, postJson, putJson, type RequestOptions } from "./client";

/**
 * How every feature's API calls (features/<x>/api.ts) reach the server. Answers are checked against the shared Zod schemas. Answers are checked against the shared Zod schemas.
 * `csrfToken` is read when a request is made, so one Api object stays valid when the token
 * changes. `onUnauthenticated` is told about every 401 (e.g. an expired session); when it
 * answers with a promise (the user is logging in again in a dialog) the request waits and is
 * then sent again as it was, with the new session's token — this is how no save is lost to
 * an ended session. `canWait` is false for the login steps, whose 401 is their own answer.
 */
export function createTransport(
  csrfToken: () => string | null,
  onUnauthenticated: (canWait: boolean) => Promise<void> | undefined,
) {
  async function call<T>(run: () => Promise<T>, canWait = true): Promise<T> {
    for (;;) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        const loggedInAgain = onUnauthenticated(canWait);
        if (!loggedInAgain) throw error;
        await loggedInAgain;
      }
    }
  }
  const opts = (signal?: AbortSignal): RequestOptions => ({ signal, csrfToken: csrfToken() });
  const get = <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) =>
    call(async () => parseWith(schema, await getJson(path, opts(signal))));
  const post = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    call(async () => parseWith(schema, await postJson(path, body, opts())));
  const put = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    call(async () => parseWith(schema, await putJson(path, body, opts())));
  const postNoContent = (path: string, body?: unknown) =>
    call(async () => {
      await postJson(path, body ?? {}, opts());
    });
  const id = encodeURIComponent;

  return { call, get, post, put, postNoContent, opts, id };
}

/** What a feature's api.ts is given to make its calls with. */
export type Transport = ReturnType<typeof createTransport>;
