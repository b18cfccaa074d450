import { expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { scrapeMetrics } from "@/lib/observability/scrape";
import { describeEachDatabase } from "../fixtures/test-database";

const throttledCount = async (reason: string) =>
  Number(new RegExp(`^tierdesk_sign_ins_throttled_total\\{reason="${reason}"\\} (\\d+)$`, "m").exec((await scrapeMetrics()).body)?.[1] ?? 0);

describeEachDatabase("sign-ins refused by the back-off show in the metrics", () => {
  it("counts every attempt turned away before its secret was checked, and no other", async () => {
    const before = await throttledCount("throttled");
    const now = new Date(Date.now());
    const results = [];
    // A few failures are free per user ID; the back-off then turns the next attempts away at once.
    for (let i = 0; i < 6; i++) results.push(await authenticate("customer", { userId: "C7777", secret: "000000" }, "10.9.0.1", now));
    const refused = results.filter((r) => !r.ok && r.reason === "throttled").length;
    expect(refused).toBeGreaterThan(0);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(6 - refused);
    expect((await throttledCount("throttled")) - before).toBe(refused);
  });
});
