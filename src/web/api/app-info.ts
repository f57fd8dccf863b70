import { ApiError, getJson, type RequestOptions } from "./client";

/** GET /api/app-info. `demo` is true when the server runs with fictitious demo data. */
export interface AppInfo {
  name: string;
  version: string;
  demo: boolean;
}

export async function fetchAppInfo(options: RequestOptions = {}): Promise<AppInfo> {
  const body = await getJson<unknown>("/api/app-info", options);
  // The demo banner depends on this answer, so a malformed one is an error, not a guess.
  if (!isAppInfo(body)) {
    throw new ApiError(200, "invalid_response", "Unexpected /api/app-info response");
  }
  return { name: body.name, version: body.version, demo: body.demo };
}

function isAppInfo(body: unknown): body is AppInfo {
  return (
    typeof body === "object" &&
    body !== null &&
    "name" in body &&
    typeof body.name === "string" &&
    "version" in body &&
    typeof body.version === "string" &&
    "demo" in body &&
    typeof body.demo === "boolean"
  );
}
