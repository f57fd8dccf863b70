import { z } from "zod";
import { ErrorBody } from "../../shared/api/error";

/**
 * The server's uniform error body, from its one schema (src/shared/api/error.ts). Read a
 * little more leniently than the server writes it: an answer without fields or a request id
 * (e.g. from a proxy that copies the shape), or with a code this build does not know yet (a
 * newer server), is still the server's message.
 */
const ReadableErrorBody = z.object({
  error: ErrorBody.shape.error
    .partial({ fields: true, requestId: true })
    .extend({ code: z.string() }),
});
export type ApiErrorBody = z.infer<typeof ReadableErrorBody>;

/**
 * A failed API call. `code` is machine-readable and stable. When the server answered with its
 * error body, `message` and `fields` are Swedish texts written for people (`fromServer` is
 * true); otherwise (network failure, unreadable answer) `message` is for logs only and the UI
 * shows a catalogue text chosen by `code` (see errors.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
  readonly fromServer: boolean;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    requestId?: string,
    fromServer = false,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.fromServer = fromServer;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * The session's CSRF token, sent as x-csrf-token on every method that changes something.
   * It lives in memory only (AuthProvider), never in web storage.
   */
  csrfToken?: string | null;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * GET a JSON resource from our own API. The result is cast, not validated: callers check it
 * with the shared Zod schema (parseWith).
 */
export function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request("GET", path, undefined, options) as Promise<T>;
}

/** POST a JSON body; resolves to the parsed answer, or undefined for 204 No Content. */
export function postJson<T = unknown>(
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  return request("POST", path, body, options) as Promise<T>;
}

export function patchJson<T = unknown>(
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  return request("PATCH", path, body, options) as Promise<T>;
}

/** PUT a JSON body (writes the resource whole); resolves to the parsed answer. */
export function putJson<T = unknown>(
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  return request("PUT", path, body, options) as Promise<T>;
}

export function deleteJson<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  return request("DELETE", path, undefined, options) as Promise<T>;
}

/**
 * POST a file as the request body itself (not JSON, not a form), with its own content type,
 * e.g. a scanned form as application/pdf; resolves to the parsed JSON answer.
 */
export function postFile<T = unknown>(
  path: string,
  file: Blob,
  contentType: string,
  options: RequestOptions = {},
): Promise<T> {
  return request("POST", path, undefined, options, { content: file, contentType }) as Promise<T>;
}

/** Checks an answer against the schema the server answers with; a mismatch is an ApiError. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(200, "invalid_response", "The response did not match its schema");
  }
  return parsed.data;
}

async function request(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions,
  raw?: { content: Blob; contentType: string },
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (raw) headers["Content-Type"] = raw.contentType;
  else if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && options.csrfToken) headers["x-csrf-token"] = options.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: raw ? raw.content : body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    // An abort is the caller's own doing; let it through unchanged so it can be ignored.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, "network_error", "The request could not be sent");
  }

  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined;

  try {
    return await response.json();
  } catch {
    // E.g. a proxy or the SPA fallback answering with HTML instead of the API.
    throw new ApiError(response.status, "invalid_response", "The response was not valid JSON");
  }
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const fallback = new ApiError(
    response.status,
    "http_error",
    `HTTP ${response.status} ${response.statusText}`.trim(),
  );
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isApiErrorBody(body)) return fallback;
  const { code, message, fields, requestId } = body.error;
  return new ApiError(response.status, code, message, fields, requestId, true);
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return ReadableErrorBody.safeParse(body).success;
}
