// Fails the run when any suite skipped a test (but for the IMAP tests where there is no dovecot) or did not run at
// all (the API suite: validated no response), and when the integration tests did not run on PostgreSQL; prints the
// closing "N passed, N failed" line.
import { existsSync, readFileSync } from "node:fs";

const problems = [];
let passed = 0;
let failed = 0;

function read(path) {
  if (!existsSync(path)) {
    problems.push(`${path} is missing: that suite did not run`);
    return null;
  }
  return JSON.parse(readFileSync(path, "utf8"));
}

for (const suite of ["unit", "integration"]) {
  const report = read(`test-results/vitest-${suite}.json`);
  if (!report) continue;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) problems.push(`${suite}: no tests ran`);
  // The IMAP tests ([imap] in their names) need a dovecot, which .ci/run installs when it can: without one they
  // print why and skip, and are reported here rather than failed. Every other skip fails the run.
  const imap = report.testResults.flatMap((file) => file.assertionResults).filter((a) => a.fullName.includes("[imap]"));
  const imapSkipped = imap.filter((a) => a.status !== "passed" && a.status !== "failed").length;
  if (imap.length > 0) {
    console.log(`ci: ${suite}: ${imap.length - imapSkipped} IMAP test(s) ran against dovecot, ${imapSkipped} skipped${imapSkipped ? ' (no dovecot; the log says why: "the IMAP tests skip")' : ""}`);
  }
  const skipped = report.numPendingTests + report.numTodoTests - imapSkipped;
  if (skipped > 0) problems.push(`${suite}: ${skipped} test(s) skipped`);
  if (suite === "integration" && process.env.TEST_DATABASE_URL) {
    const titles = report.testResults.flatMap((file) => file.assertionResults.map((a) => a.fullName));
    if (!titles.some((t) => t.includes("[postgres]"))) problems.push("integration: nothing ran on PostgreSQL");
  }
}

const e2e = read("test-results/playwright.json");
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  if (e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky === 0) problems.push("e2e: no tests ran");
  if (e2e.stats.skipped > 0) problems.push(`e2e: ${e2e.stats.skipped} test(s) skipped`);
  if (e2e.stats.flaky > 0) problems.push(`e2e: ${e2e.stats.flaky} flaky test(s)`);
}

// The API suite's teardown writes how many responses were checked against the OpenAPI document.
const api = read("test-results/api-validated.json");
if (api) {
  if (api.validated === 0) problems.push("api: no response was validated against the OpenAPI document");
  console.log(`api: ${api.validated} responses validated against the OpenAPI document; ${api.operations.exercised} of ${api.operations.documented} documented operations exercised`);
}

for (const problem of problems) console.error(`ci: ${problem}`);
console.log(`${passed} passed, ${failed + problems.length} failed`);
process.exit(problems.length || failed ? 1 : 0);
