// After the API suite: adds up the responses each worker checked against the OpenAPI document, writes
// test-results/api-validated.json (JSON bodies validated per operation and status, documented operations not
// exercised) and prints the total.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatedDocument } from "./client";
import { expect, test, VALIDATION_LOG_DIR } from "./fixtures";

const REPORT = path.join("test-results", "api-validated.json");
type Counts = Record<string, number>;

function add(into: Counts, from: Counts): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}
const total = (counts: Counts) => Object.values(counts).reduce((sum, count) => sum + count, 0);
const sorted = (counts: Counts) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

test("count the API responses validated against their documented schemas", async ({}, testInfo) => {
  const dir = path.join(testInfo.project.outputDir, VALIDATION_LOG_DIR);
  const validated: Counts = {};
  const statusOnly: Counts = {};
  for (const file of existsSync(dir) ? readdirSync(dir) : []) {
    const worker = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { validated: Counts; statusOnly: Counts };
    add(validated, worker.validated);
    add(statusOnly, worker.statusOnly);
  }
  const operationOf = (key: string) => key.split(" ").slice(0, 2).join(" ");
  const exercised = new Set([...Object.keys(validated), ...Object.keys(statusOnly)].map(operationOf));
  const documented = Object.entries(generatedDocument().paths).flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`));
  const notExercised = documented.filter((operation) => !exercised.has(operation));

  mkdirSync(path.dirname(REPORT), { recursive: true });
  const report = {
    validated: total(validated),
    statusOnly: total(statusOnly),
    operations: { documented: documented.length, exercised: exercised.size, notExercised },
    byOperationAndStatus: sorted(validated),
    statusOnlyByOperation: sorted(statusOnly),
  };
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `api: ${report.validated} response bodies validated against the OpenAPI document (${report.statusOnly} more non-JSON responses status-checked); ` +
      `${exercised.size} of ${documented.length} documented operations exercised (${REPORT})`,
  );
  expect(report.validated, "the API suite validated responses").toBeGreaterThan(0);
});
