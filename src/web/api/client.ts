/** The server's uniform error body (see src/server/http). */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/**
 * A failed API call. `code` is machine-readable and stable; `message` comes from the server
 * (or describes a network/parse failure) and is for logs, not for display: the UI shows
 * catalogue texts chosen by `code`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * GET a JSON resource from our own API. The result is cast, not validated: callers that
 * depend on the shape check it (see app-info.ts) until shared zod schemas exist.
 */
export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "GET",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      signal: options.signal,
    });
  } catch (error) {
    // An abort is the caller's own doing; let it through unchanged so it can be ignored.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, "network_error", "The request could not be sent");
  }

  if (!response.ok) throw await errorFromResponse(response);

  try {
    return (await response.json()) as T;
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
  const { code, message, fields } = body.error;
  return new ApiError(response.status, code, message, fields);
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error: unknown = body.error;
  if (typeof error !== "object" || error === null) return false;
  if (!("code" in error) || typeof error.code !== "string") return false;
  if (!("message" in error) || typeof error.message !== "string") return false;
  if (!("fields" in error) || error.fields === undefined) return true;
  const fields: unknown = error.fields;
  return (
    typeof fields === "object" &&
    fields !== null &&
    Object.values(fields).every((value) => typeof value === "string")
  );
}
