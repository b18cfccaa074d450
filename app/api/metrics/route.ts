import { metricsRefusal } from "@/lib/health/metrics-access";
import { scrapeMetrics } from "@/lib/observability/scrape";

// Prometheus metrics of this instance: a bearer token with metrics:read, or a scraper on this machine.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const refusal = await metricsRefusal(request, new Date());
  if (refusal) return refusal;
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
