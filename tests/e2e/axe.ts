import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/**
 * Runs axe on the page once it has its title; fails on any violation of impact "serious" or "critical".
 * Next.js streams a page's metadata: after a navigation or an action's redirect the new <title> lands a few
 * milliseconds after the content (measured 5–25 ms), and axe started in that gap reports "document-title".
 */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expect(page, `${name}: the page has its title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  expect(serious, `${name}: serious or critical accessibility violations`).toEqual([]);
}

/** The page fits the viewport's width: nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page width at this viewport").toBeLessThanOrEqual(clientWidth);
}
