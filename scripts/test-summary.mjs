// Prints one plain line for the whole run, e.g. "tests: 81 passed, 0 failed", from the
// JSON reports Vitest writes to test-results/ (unit + API, and browser journeys).
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ["unit", "e2e"]) {
  const file = `test-results/vitest-${name}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
