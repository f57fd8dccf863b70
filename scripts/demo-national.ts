import { parseArgs } from "node:util";
import { openPglite, openPostgres } from "../src/server/db/connection.ts";
import { formatReport, generateCountry } from "./national/load.ts";
import { openPgliteTarget, openPostgresTarget, TargetNotEmpty } from "./national/target.ts";
import { verifyAccess } from "./national/verify-access.ts";

/**
 * `npm run demo:national -- --cases 1000000 [--seed N] [--orgs 300] [--today YYYY-MM-DD]
 *   [--password P] [--pglite DIR] [--replace] [--keep-indexes]`: a synthetic country (README, "A synthetic
 * country") into the PostgreSQL database named by DATABASE_URL, or into a PGlite folder.
 * `--verify-access [--sample N]` instead checks an existing one: for N users of each kind,
 * scope.ts and row-level security let them see the same cases and persons (verify-access.ts).
 */
const usage =
  "Usage: npm run demo:national -- --cases N [--orgs 300] [--seed 1] [--today YYYY-MM-DD] [--password frid-demo] [--pglite DIR] [--replace] [--keep-indexes]\n       npm run demo:national -- --verify-access [--sample 3] [--pglite DIR]";

async function verify(pgliteDir: string | undefined, sample: number) {
  const database = pgliteDir
    ? await openPglite(pgliteDir)
    : await openPostgres(process.env.DATABASE_URL as string);
  try {
    const failed = await verifyAccess(database, sample, (l) => process.stdout.write(`${l}\n`));
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

function options() {
  const { values } = parseArgs({
    options: {
      cases: { type: "string" },
      orgs: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      today: { type: "string", default: new Date().toISOString().slice(0, 10) },
      password: { type: "string", default: "frid-demo" },
      pglite: { type: "string" },
      replace: { type: "boolean", default: false },
      "keep-indexes": { type: "boolean", default: false },
      "verify-access": { type: "boolean", default: false },
      sample: { type: "string", default: "3" },
    },
  });
  const where = !values.pglite && !process.env.DATABASE_URL;
  if (values["verify-access"]) {
    const sample = Number(values.sample);
    const problems = [
      !Number.isInteger(sample) || sample < 1
        ? "--sample must be a whole number of at least 1"
        : null,
      where ? "set DATABASE_URL or give --pglite DIR" : null,
    ].filter((p): p is string => p !== null);
    if (problems.length > 0) {
      process.stderr.write(`${problems.join("\n")}\n${usage}\n`);
      process.exit(2);
    }
    return { verifyAccess: true as const, pglite: values.pglite, sample };
  }
  const cases = Number(values.cases);
  const orgs = Number(values.orgs);
  const seed = Number(values.seed);
  const problems = [
    !Number.isInteger(cases) || cases < 1 ? "--cases must be a whole number of at least 1" : null,
    !Number.isInteger(orgs) || orgs < 1 || orgs > 999 ? "--orgs must be between 1 and 999" : null,
    orgs > cases ? "--orgs must not be more than --cases" : null,
    !Number.isInteger(seed) ? "--seed must be a whole number" : null,
    !/^\d{4}-\d{2}-\d{2}$/.test(values.today) ? "--today must be a date, YYYY-MM-DD" : null,
    where ? "set DATABASE_URL or give --pglite DIR" : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join("\n")}\n${usage}\n`);
    process.exit(2);
  }
  return {
    ...values,
    verifyAccess: false as const,
    cases,
    orgs,
    seed,
    keepIndexes: values["keep-indexes"],
  };
}

async function generate(o: Exclude<ReturnType<typeof options>, { verifyAccess: true }>) {
  const where = o.pglite
    ? `PGlite folder ${o.pglite}`
    : `PostgreSQL ${new URL(process.env.DATABASE_URL as string).pathname.slice(1)}`;
  try {
    const target = o.pglite
      ? await openPgliteTarget(o.pglite, o.replace)
      : await openPostgresTarget(process.env.DATABASE_URL as string, o.replace);
    try {
      process.stdout.write(
        `Generating ${o.cases.toLocaleString("en")} cases in ${o.orgs} organisations (seed ${o.seed}, today ${o.today}) into ${where}\n`,
      );
      const report = await generateCountry(target, {
        ...o,
        log: (l) => process.stdout.write(`${l}\n`),
      });
      process.stdout.write(
        `${formatReport(report)}\nEvery user's password: ${o.password} (no MFA enrolled).\n`,
      );
    } finally {
      await target.close();
    }
  } catch (error) {
    if (!(error instanceof TargetNotEmpty)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

const o = options();
if (o.verifyAccess) await verify(o.pglite, o.sample);
else await generate(o);
