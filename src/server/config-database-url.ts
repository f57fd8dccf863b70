import { z } from "zod";

/**
 * What is wrong with a postgres:// URL, without echoing it (it may hold a password). The
 * driver would otherwise read garbage as "localhost" and connect somewhere unintended.
 */
function databaseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid URL: write it as postgres://user:password@host:5432/database, with special characters in the password percent-encoded (@ as %40)";
  }
  // A Unix socket folder may come as ?host=/var/run/postgresql instead of a host name.
  if (parsed.hostname === "" && !parsed.searchParams.get("host")) {
    return "must name the server: postgres://user:password@host:5432/database";
  }
  try {
    for (const part of [parsed.username, parsed.password, parsed.pathname])
      decodeURIComponent(part);
  } catch {
    return "has a % that does not begin a percent-encoded character (%XX) in the user name, password or database name";
  }
  return null;
}

/** A postgres:// URL, checked without echoing it (it may hold a password). */
export const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, {
    error: "must be a postgres:// or postgresql:// URL",
    abort: true,
  })
  .superRefine((url, ctx) => {
    const problem = databaseUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
