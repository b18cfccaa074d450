import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { ADMIN, MANAGER, loginAsStaff, waitForHydration } from "./helpers";

/**
 * The calendars admin pages: an admin creates a calendar with two windows a day and a holiday range (after the
 * form showed the overlap it refused), publishes a second version, and reads both in the history and the week
 * preview; the built-in 24×7 cannot change; a manager reads everything without a way to save.
 */

const shot = (page: Page, testInfo: TestInfo, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
const DAY_MS = 86_400_000;
/** The local date in Berlin `days` days from now, "YYYY-MM-DD". */
const berlinDate = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + days * DAY_MS));

test.describe("calendars admin", () => {
  test("an admin creates a two-window calendar with a holiday range, publishes version 2, and reads the history and the week preview", async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    const slug = `berlin-desk-${Date.now().toString(36)}`;
    const [offsiteFrom, offsiteTo] = [berlinDate(1), berlinDate(2)];
    await loginAsStaff(page, ADMIN);

    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Calendars" }).click();
    await expect(page).toHaveURL(/\/admin\/calendars$/);
    const list = page.getByRole("region", { name: "Calendars" });
    await expect(list.getByRole("row", { name: /24×7/ })).toContainText("Built in · always open");
    await expect(list.getByRole("row", { name: /Support hours/ })).toContainText("The priority matrix (default)");
    await expectNoSeriousViolations(page, testInfo, "calendars-list");

    await page.getByRole("link", { name: "New calendar" }).click();
    await expect(page).toHaveURL(/\/admin\/calendars\/new$/);
    await waitForHydration(page);
    const form = page.getByRole("form", { name: "New calendar" });
    await form.getByLabel("Name", { exact: true }).fill("Berlin desk");
    await expect(form.getByLabel("Slug")).toHaveValue("berlin-desk");
    await form.getByLabel("Slug").fill(slug);
    await form.getByLabel("Time zone").fill("Europe/Berlin");
    await form.getByLabel("Monday window 1 opens at").fill("08:00");
    await form.getByLabel("Monday window 1 closes at").fill("12:00");
    await form.getByRole("button", { name: "Add a window on Monday" }).click();
    // A second window that starts before the first ends.
    await form.getByLabel("Monday window 2 opens at").fill("11:00");
    await form.getByLabel("Monday window 2 closes at").fill("17:00");
    await form.getByRole("button", { name: "Copy to Tuesday–Friday" }).click();
    await form.getByRole("button", { name: "Add a holiday" }).click();
    await form.getByLabel("Holiday 1 from").fill(offsiteFrom);
    await form.getByLabel("Holiday 1 to").fill(offsiteTo);
    await form.getByLabel("Holiday 1 name").fill("Team offsite");
    await expectNoSeriousViolations(page, testInfo, "calendars-new");
    await form.getByRole("button", { name: "Create calendar" }).click();

    // Refused: each day's overlap is shown on that day, its two windows marked.
    await expect(form.getByRole("alert")).toBeVisible();
    await expect(form.getByRole("group", { name: "Monday" })).toContainText("Windows 1 and 2 overlap on Monday.");
    await expect(form.getByRole("group", { name: "Friday" })).toContainText("Windows 9 and 10 overlap on Friday.");
    await expect(form.getByLabel("Monday window 2 opens at")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByRole("group", { name: "Saturday" })).not.toContainText("overlap");
    await expect(page).toHaveURL(/\/admin\/calendars\/new$/);
    await shot(page, testInfo, "calendars-new-errors-1366");

    await form.getByLabel("Monday window 2 opens at").fill("13:00");
    await form.getByRole("button", { name: "Copy to Tuesday–Friday" }).click();
    await form.getByRole("button", { name: "Create calendar" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/calendars/${slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Berlin desk" })).toBeVisible();

    // The week preview: seven days from today in Berlin, the offsite closed by name, workdays with both windows.
    const preview = page.getByRole("region", { name: "The next seven days" });
    await expect(preview.getByRole("listitem")).toHaveCount(7);
    await expect(preview.getByRole("listitem").first()).toContainText(`${berlinDate(0)} (today)`);
    await expect(preview.getByRole("listitem").filter({ hasText: "Closed: Team offsite" })).toHaveCount(2);
    await expect(preview.getByRole("listitem").filter({ hasText: "08:00–12:00, 13:00–17:00" }).first()).toBeVisible();

    // Version 2: short Fridays, with a note.
    await waitForHydration(page);
    const hours = page.getByRole("form", { name: "Calendar hours" });
    await expect(hours.getByLabel("Friday window 2 opens at")).toHaveValue("13:00");
    await hours.getByRole("button", { name: "Remove Friday window 2" }).click();
    await hours.getByLabel("Version note").fill("Short Fridays");
    await hours.getByRole("button", { name: "Publish version 2" }).click();
    await expect(hours.getByRole("status")).toHaveText("Published version 2.");

    const history = page.getByRole("region", { name: "Version history" });
    const versions = history.getByRole("listitem").filter({ has: page.locator("summary") });
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText(/Version 2 \(in force\) — published .* UTC by admin — “Short Fridays”/);
    await expect(versions.nth(1)).toContainText(/Version 1 — published .* UTC by admin/);
    await versions.nth(0).locator("summary").click();
    await versions.nth(1).locator("summary").click();
    await expect(versions.nth(0)).toContainText("Friday08:00–12:00");
    await expect(versions.nth(0)).not.toContainText("Friday08:00–12:00, 13:00");
    await expect(versions.nth(1)).toContainText("Friday08:00–12:00, 13:00–17:00");
    await expect(versions.nth(1)).toContainText(`${offsiteFrom} – ${offsiteTo} Team offsite`);
    await expect(page.getByText("Version 2, published")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "calendars-detail");
    await shot(page, testInfo, "calendars-detail-1366");
    await page.setViewportSize({ width: 360, height: 900 });
    await shot(page, testInfo, "calendars-detail-360");
    await page.setViewportSize({ width: 1366, height: 900 });

    // The list shows it in force in version 2.
    await page.goto("/admin/calendars");
    await expect(page.getByRole("region", { name: "Calendars" }).getByRole("row", { name: /Berlin desk/ })).toContainText("Version 2");
    await expect(page.getByRole("region", { name: "Calendars" }).getByRole("row", { name: /Berlin desk/ })).toContainText("Not used");

    // The default calendar is in use: deleting it is refused with the reason.
    await page.goto("/admin/calendars/default");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Delete this calendar" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this calendar?" });
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("Calendar default cannot be deleted:");
    await dialog.getByRole("button", { name: "Close" }).click();

    // An unused one goes.
    await page.goto(`/admin/calendars/${slug}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Delete this calendar" }).click();
    await page.getByRole("dialog", { name: "Delete this calendar?" }).getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/calendars$/);
    await expect(page.getByRole("region", { name: "Calendars" })).not.toContainText("Berlin desk");
  });

  test("the built-in 24×7 is read-only and open all week", async ({ page }, testInfo) => {
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/calendars/24x7");
    await expect(page.getByRole("heading", { level: 1, name: "24×7" })).toBeVisible();
    await expect(page.getByText("Built in: always open, every day. It cannot be changed or deleted.")).toBeVisible();
    const preview = page.getByRole("region", { name: "The next seven days" });
    await expect(preview.getByRole("listitem").filter({ hasText: "00:00–24:00" })).toHaveCount(7);
    await expect(page.getByRole("button", { name: /^Publish version/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete this calendar" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Add a/ })).toHaveCount(0);
    await expect(page.getByLabel("Monday window 1 opens at")).toBeDisabled();
    await expect(page.getByLabel("Monday window 1 closes at")).toHaveValue("24:00");
    await expectNoSeriousViolations(page, testInfo, "calendars-24x7");
    await shot(page, testInfo, "calendars-24x7-1366");
  });

  test("a manager reads the calendars without a way to change them", async ({ page }, testInfo) => {
    await loginAsStaff(page, MANAGER);
    await page.goto("/admin/calendars");
    await expect(page.getByRole("heading", { level: 1, name: "Calendars" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New calendar" })).toHaveCount(0);
    await page.getByRole("link", { name: "Support hours" }).click();
    await expect(page).toHaveURL(/\/admin\/calendars\/default$/);
    await expect(page.getByRole("heading", { level: 1, name: "Support hours" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Version history" })).toContainText("Version 1");
    await expect(page.getByRole("region", { name: "The next seven days" }).getByRole("listitem")).toHaveCount(7);
    await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: /^Publish version/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete this calendar" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Add a|Remove)/ })).toHaveCount(0);
    await expectNoSeriousViolations(page, testInfo, "calendars-manager");
    await shot(page, testInfo, "calendars-manager-360");
    // Creating is an admin's: a manager is sent home.
    await page.goto("/admin/calendars/new");
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
