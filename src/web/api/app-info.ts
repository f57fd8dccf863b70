import { AppInfo } from "../../shared/api/app-info";
import { ApiError, getJson, type RequestOptions } from "./client";

export type { AppInfo };

/** GET /api/app-info, checked against the same schema the server answers with. */
export async function fetchAppInfo(options: RequestOptions = {}): Promise<AppInfo> {
  const parsed = AppInfo.safeParse(await getJson<unknown>("/api/app-info", options));
  // The demo banner depends on this answer, so a malformed one is an error, not a guess.
  if (!parsed.success) {
    throw new ApiError(200, "invalid_response", "Unexpected /api/app-info response");
  }
  return parsed.data;
}
