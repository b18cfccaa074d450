// The backups an admin reads: `npm run db:backup` while the suite's server runs (it holds the embedded
// database, so the script asks it through its control socket), a backup that fails, and /admin/backups listing
// both, with the failure on top until a later backup succeeds. Screenshots at 360 and 1366 px.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, CUSTOMER_ACME, expectRedirectedToLogin, L1_AGENT, loginAsCustomer, loginAsStaff } from "./helpers";
import { TS_SCRIPT_ARGS } from "../../scripts/node-args";

/** The suite server's embedded database (playwright.config.ts). */
const SERVER_DATA_DIR = ".data/e2e-db";
const WORK = path.resolve(".data/e2e-backups");

function backup(file: string) {
  return spawnSync(process.execPath, [...TS_SCRIPT_ARGS, "scripts/db-backup.ts", file], {
    env: { ...process.env, DATABASE_URL: `file:${SERVER_DATA_DIR}` },
    encoding: "utf8",
    timeout: 120_000,
  });
}

const shot = (page: Page, testInfo: TestInfo, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

test.describe("backups", () => {
  test.beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
  });
  test.afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  test("a backup made while the server runs, a failed one, and the admin page that lists them", async ({ page }, testInfo) => {
    const good = path.join(WORK, "first.tar.gz");
    const made = backup(good);
    expect(made.status, made.stderr + made.stdout).toBe(0);
    expect(made.stdout).toMatch(/Asking the running server \(pid \d+\) for a backup/);
    expect(made.stdout).toContain(`Wrote ${good}`);
    expect(statSync(good).size).toBeGreaterThan(0);

    // A file where the backup's directory should be: the backup fails, and says why. That name, and so the error
    // and the archive's path, hold 200 characters without a break: the page must wrap them, not widen.
    const blocker = `notadirectory${"x".repeat(187)}`;
    writeFileSync(path.join(WORK, blocker), "");
    const failed = backup(path.join(WORK, blocker, "second.tar.gz"));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("Backup failed:");
    expect(failed.stderr).toContain(blocker);
    expect(existsSync(path.join(WORK, blocker, "second.tar.gz"))).toBe(false);

    await loginAsStaff(page, ADMIN);
    await page.goto("/admin");
    await expect(page.getByRole("link", { name: /Backups/ }).first()).toBeVisible();
    await page.goto("/admin/backups");
    await expect(page.getByRole("heading", { name: "Backups", level: 1 })).toBeVisible();
    // In the page's main region: Next.js's route announcer is an alert too.
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("The last backup, started");
    await expect(alert).toContainText("failed:");
    const table = page.getByRole("region", { name: "Backups" });
    await expect(table.getByRole("row").filter({ hasText: "Succeeded" })).toContainText("first.tar.gz");
    await expect(table.getByRole("row").filter({ hasText: "Failed" })).toContainText(blocker);
    await expect(page.getByText("The scheduled backup is off: set TIERDESK_BACKUP_HOURS")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "admin backups");

    await page.setViewportSize({ width: 1366, height: 900 });
    await shot(page, testInfo, "admin-backups-1366");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-backups-360");
    await page.setViewportSize({ width: 1366, height: 900 });

    // A later backup that works: the page no longer leads with the failure.
    const again = backup(path.join(WORK, "third.tar.gz"));
    expect(again.status, again.stderr).toBe(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Backups", level: 1 })).toBeVisible();
    await expect(alert).toHaveCount(0);
    await expect(table.getByRole("row").filter({ hasText: "Succeeded" })).toHaveCount(2);
  });

  test("signed-out people, agents and customers get neither the page nor anything of it", async ({ browser, page }) => {
    // No session: to sign-in, and the answer itself carries none of the page.
    const bare = await page.request.get("/admin/backups", { maxRedirects: 0 });
    expect(bare.status()).toBe(307);
    expect(await bare.text()).not.toContain("tar.gz");
    expect(await expectRedirectedToLogin(page, "/admin/backups")).toBe("/admin/backups");

    for (const [who, signIn] of [
      ["agent", (p: Page) => loginAsStaff(p, L1_AGENT)],
      ["customer", (p: Page) => loginAsCustomer(p, CUSTOMER_ACME)],
    ] as const) {
      const context = await browser.newContext();
      const other = await context.newPage();
      try {
        await signIn(other);
        const answer = await other.request.get("/admin/backups", { maxRedirects: 0 });
        expect(answer.status(), who).toBe(307);
        expect(answer.headers().location, who).not.toContain("/admin");
        expect(await answer.text(), who).not.toContain("tar.gz");
        await other.goto("/admin/backups");
        await expect(other.getByRole("heading", { name: "Backups", level: 1 }), who).toHaveCount(0);
        expect(new URL(other.url()).pathname, who).not.toMatch(/^\/admin/);
      } finally {
        await context.close();
      }
    }
  });
});
