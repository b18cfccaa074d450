// The instance's Prometheus metrics (prom-client). Each instance counts its own requests and job runs, so
// Prometheus scrapes every instance (README, Running several instances). The outbox depth is read from the
// database at scrape time (outbox-depth.ts), the open streams from the push module (open-streams.ts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { openStreamCount } from "./open-streams";

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "tierdesk_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, per route (pattern, not path), method and status class.",
      labelNames: ["method", "route", "status_class"] as const,
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    tooManyRequests: new Counter({
      name: "tierdesk_http_too_many_requests_total",
      help: "Responses with status 429 (sign-in gate full, API token over its rate limit), per route.",
      labelNames: ["route"] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: "tierdesk_job_runs_total",
      help: "Runs of each repeating job on this instance, by outcome (ok, error).",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "tierdesk_job_duration_seconds",
      help: "How long each run of a repeating job took.",
      labelNames: ["job"] as const,
      buckets: JOB_BUCKETS,
      registers,
    }),
    sweepRuns: new Counter({
      name: "tierdesk_sweep_runs_total",
      help: "SLA sweep runs on this instance: worked, skipped (another instance held the sweep lock) or error.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    sweepDuration: new Histogram({
      name: "tierdesk_sweep_duration_seconds",
      help: "How long the SLA sweep took when it worked (skipped runs are not observed).",
      buckets: JOB_BUCKETS,
      registers,
    }),
    sweepActions: new Counter({
      name: "tierdesk_sweep_actions_total",
      help: "What the SLA sweep did: tickets escalated, manager alerts raised, customer updates flagged due, resolved tickets closed.",
      labelNames: ["action"] as const,
      registers,
    }),
    mailDeliveries: new Counter({
      name: "tierdesk_mail_deliveries_total",
      help: "Outbox mail delivery attempts by outcome: sent, retried (failed, tried again later) or failed (gave up).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "tierdesk_webhook_deliveries_total",
      help: "Webhook delivery attempts by outcome: succeeded, retried (failed, tried again later) or failed (gave up).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    outboxDepth: new Gauge({
      name: "tierdesk_outbox_depth",
      help: "Rows waiting in a queue (mail outbox, webhook deliveries) by status: pending (held and scheduled retries included) or failed (gave up). Read from the database at scrape time; the same on every instance.",
      labelNames: ["queue", "status"] as const,
      registers,
    }),
    outboxDue: new Gauge({
      name: "tierdesk_outbox_due",
      help: "Pending rows whose time has come (a worker should take them now). Read at scrape time; the same on every instance.",
      labelNames: ["queue"] as const,
      registers,
    }),
    openStreams: new Gauge({
      name: "tierdesk_open_streams",
      help: "Server-Sent Events streams open on this instance.",
      registers,
      collect() {
        this.set(openStreamCount());
      },
    }),
    signInsThrottled: new Counter({
      name: "tierdesk_sign_ins_throttled_total",
      help: "Sign-in attempts refused before their secret was checked: throttled (back-off running) or locked (only known devices may try).",
      labelNames: ["reason"] as const,
      registers,
    }),
    scrapeErrors: new Counter({
      name: "tierdesk_metrics_scrape_errors_total",
      help: "Parts of a scrape that could not be read (their gauges are left out of that scrape).",
      labelNames: ["part"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One set per process on globalThis: scripts/serve.ts (requests), instrumentation.ts (jobs) and the route
// handlers (sign-ins, the scrape) load this file in different bundles.
const holder = globalThis as unknown as { tierdeskMetrics?: Metrics };

export function metrics(): Metrics {
  holder.tierdeskMetrics ??= createMetrics();
  return holder.tierdeskMetrics;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A request's label set: the method (others as OTHER), the route and the status class (2xx … 5xx). */
export function httpLabels(method: string | undefined, route: string, status: number) {
  const verb = (method ?? "").toUpperCase();
  return { method: METHODS.has(verb) ? verb : "OTHER", route, status_class: `${Math.floor(status / 100)}xx` };
}

export function observeRequest(method: string | undefined, route: string, status: number, seconds: number): void {
  const m = metrics();
  m.httpDuration.observe(httpLabels(method, route, status), seconds);
  if (status === 429) m.tooManyRequests.inc({ route });
}

export function observeJobRun(job: string, outcome: "ok" | "error", seconds: number): void {
  const m = metrics();
  m.jobRuns.inc({ job, outcome });
  m.jobDuration.observe({ job }, seconds);
}

export function observeSweep(result: { escalated: number; alerted: number; updatesDue: number; closed: number; skipped: boolean }, seconds: number): void {
  const m = metrics();
  m.sweepRuns.inc({ outcome: result.skipped ? "skipped" : "worked" });
  if (result.skipped) return;
  m.sweepDuration.observe(seconds);
  m.sweepActions.inc({ action: "escalated" }, result.escalated);
  m.sweepActions.inc({ action: "alerted" }, result.alerted);
  m.sweepActions.inc({ action: "update_due" }, result.updatesDue);
  m.sweepActions.inc({ action: "closed" }, result.closed);
}

export function observeSweepError(): void {
  metrics().sweepRuns.inc({ outcome: "error" });
}

export function observeMailDeliveries(result: { sent: number; retried: number; failed: number }): void {
  const m = metrics();
  for (const outcome of ["sent", "retried", "failed"] as const) m.mailDeliveries.inc({ outcome }, result[outcome]);
}

export function observeWebhookDeliveries(result: { succeeded: number; retried: number; failed: number }): void {
  const m = metrics();
  for (const outcome of ["succeeded", "retried", "failed"] as const) m.webhookDeliveries.inc({ outcome }, result[outcome]);
}

/** A sign-in refused before its secret was checked (lib/auth/authenticate.ts). */
export function countThrottledSignIn(reason: "throttled" | "locked"): void {
  metrics().signInsThrottled.inc({ reason });
}
