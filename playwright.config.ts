import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download its browsers on these machines: use Debian's Chromium when it is there
// (or the one PLAYWRIGHT_CHROMIUM_PATH names), otherwise Playwright's own browser.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;
const chromiumLaunchOptions = {
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
/** The embedded database of the e2e server: removed before every run, so each run starts from the seed. */
const E2E_DATA_DIR = ".data/e2e-db";
/** Where the e2e server keeps uploaded attachments: removed before every run too. */
const E2E_ATTACHMENTS_DIR = ".data/e2e-attachments";
/** The e2e server's SMTP receiver (issue 24): tests/e2e/inbound-mail.spec.ts sends replies to it. */
const E2E_INBOUND_SMTP_PORT = process.env.E2E_INBOUND_SMTP_PORT ?? "2625";

export default defineConfig({
  // 2-core machines, and the embedded database belongs to the one server process.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL,
    // A step waiting for something that never comes fails on its own line, not as the whole test's timeout.
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testDir: "tests/e2e",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
      },
    },
    // The typed API client's journeys (tests/api): no browser, the same server; the teardown adds up how many
    // responses were checked against the OpenAPI document and writes test-results/api-validated.json.
    { name: "api", testDir: "tests/api", testMatch: /\.spec\.ts$/, teardown: "api-report" },
    { name: "api-report", testDir: "tests/api", testMatch: /report\.teardown\.ts$/ },
    // Two more instances of the built app on one fresh PostgreSQL database (TEST_DATABASE_URL's server, or
    // 127.0.0.1:5432), started by the journeys' own fixture (tests/multi/cluster.ts) on ports 3201 and 3202
    // (TWO_INSTANCES_PORTS); the build is the one the webServer below made before any test runs.
    {
      name: "two-instances",
      testDir: "tests/multi",
      testMatch: /\.spec\.ts$/,
      use: { launchOptions: chromiumLaunchOptions },
    },
  ],
  webServer: {
    // Fresh database every run: it is deleted before `npm start` migrates and seeds it.
    command: `node -e "for (const d of ['${E2E_DATA_DIR}','${E2E_ATTACHMENTS_DIR}']) require('fs').rmSync(d,{recursive:true,force:true})" && npm start`,
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${E2E_DATA_DIR}`,
      ATTACHMENTS_DIR: E2E_ATTACHMENTS_DIR,
      NEXTAUTH_SECRET: "tierdesk-e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // Webhook deliveries reach the receivers the specs start on this machine, within a second or so.
      TIERDESK_WEBHOOK_SECONDS: "1",
      WEBHOOK_ALLOW_PRIVATE: "1",
      // Replies by mail reach the server's own SMTP receiver on this machine.
      INBOUND_DOMAIN: "reply.tierdesk.test",
      INBOUND_SMTP_HOST: "127.0.0.1",
      INBOUND_SMTP_PORT: E2E_INBOUND_SMTP_PORT,
    },
  },
});
