import { metrics } from "./metrics";
import { outboxDepth } from "./outbox-depth";
import { withTimeout } from "./with-timeout";

const DEPTH_TIMEOUT_MS = 2_000;

/** The instance's metrics in Prometheus's text format, with the outbox depth read now. */
export async function scrapeMetrics(now = new Date()): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  try {
    const depth = await withTimeout(outboxDepth(now), DEPTH_TIMEOUT_MS, "outbox depth");
    for (const queue of ["mail", "webhooks"] as const) {
      m.outboxDepth.set({ queue, status: "pending" }, depth[queue].pending);
      m.outboxDepth.set({ queue, status: "failed" }, depth[queue].failed);
      m.outboxDue.set({ queue }, depth[queue].due);
    }
  } catch {
    // Better no figure than a stale one: the series go missing from this scrape, and the error is counted.
    m.outboxDepth.reset();
    m.outboxDue.reset();
    m.scrapeErrors.inc({ part: "outbox" });
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
