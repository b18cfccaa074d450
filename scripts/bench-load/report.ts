// The printed table of bench:load.
import { percentile, type Recorder } from "./recorder";
import type { Latency, MailCount, NotificationCount } from "./reconcile";
import type { ProcessFigures } from "./proc-sampler";

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");
const ms = (n: number) => fmt(n, n < 10 ? 1 : 0).padStart(6);

/** The reads the targets are about: the queue (page and API) and a ticket (staff and portal, page and API). */
export const TARGET_READS = new Set([
  "GET /queue (page)",
  "GET /api/v1/queue",
  "GET /queue/tickets/[number] (page)",
  "GET /api/v1/tickets/[number]",
  "GET /portal/tickets/[number] (page)",
]);
export const READ_P95_TARGET_MS = 300;
export const PUSH_P95_TARGET_MS = 1000;

export function routeTable(recorder: Recorder, seconds: number): string[] {
  const routes = [...new Set([...recorder.times.keys(), ...recorder.errors.keys()])].sort();
  const lines = [`${"route".padEnd(52)} ${"requests".padStart(8)} ${"req/s".padStart(6)} ${"errors".padStart(6)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} ${"max".padStart(6)}  (ms)`];
  let total = 0;
  let errors = 0;
  for (const route of routes) {
    const t = recorder.times.get(route) ?? [];
    const e = recorder.errors.get(route) ?? 0;
    total += t.length;
    errors += e;
    const target = TARGET_READS.has(route) ? (percentile(t, 95) < READ_P95_TARGET_MS ? "  target p95 < 300: PASS" : "  target p95 < 300: MISS") : "";
    lines.push(
      `${route.padEnd(52)} ${fmt(t.length).padStart(8)} ${fmt(t.length / seconds, 1).padStart(6)} ${fmt(e).padStart(6)} ${ms(percentile(t, 50))} ${ms(percentile(t, 95))} ${ms(percentile(t, 99))} ${ms(percentile(t, 100))}${target}`,
    );
  }
  lines.push(`${"all".padEnd(52)} ${fmt(total).padStart(8)} ${fmt(total / seconds, 1).padStart(6)} ${fmt(errors).padStart(6)}`);
  return lines;
}

export function latencyTable(latencies: Latency[]): string[] {
  const lines = [`${"push event".padEnd(14)} ${"events".padStart(8)} ${"unmatched".padStart(9)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} ${"max".padStart(6)}  (ms, commit → received at the stream client)`];
  for (const l of latencies) {
    lines.push(`${l.kind.padEnd(14)} ${fmt(l.samples).padStart(8)} ${fmt(l.unmatched).padStart(9)} ${ms(l.p50)} ${ms(l.p95)} ${ms(l.p99)} ${ms(l.max)}`);
  }
  return lines;
}

export function processLine(label: string, f: ProcessFigures): string {
  return `${label.padEnd(34)} CPU ${fmt(f.cpuPercent).padStart(4)} % of a core (peak 5 s: ${fmt(f.peakCpuPercent)} %)   RSS ${fmt(f.rssStartMiB)} → ${fmt(f.rssEndMiB)} MiB (peak ${fmt(f.rssPeakMiB)})`;
}

export function notificationLines(n: NotificationCount): string[] {
  return [
    `notifications written for people with a stream: ${fmt(n.expected)}; received ${fmt(n.received)}, lost ${fmt(n.lost)}, duplicated ${fmt(n.duplicated)}, to the wrong person ${fmt(n.misdelivered)}${n.lostExamples.length ? ` (lost e.g. ${n.lostExamples.join(", ")})` : ""}`,
    `notifications for people without a bench stream (managers, demo agents): ${fmt(n.toOthers)}`,
  ];
}

export function mailLines(m: MailCount): string[] {
  return [
    `mails marked sent: ${fmt(m.sent)}; received by the SMTP sink ${fmt(m.received)}, lost ${fmt(m.lost)}, duplicated ${fmt(m.duplicated)}, received but not marked sent ${fmt(m.unmarked)}${m.lostExamples.length ? ` (lost e.g. ${m.lostExamples.join(", ")})` : ""}`,
    `mails not sent yet: ${fmt(m.held)} held status mails (due 5 min after their last change), ${fmt(m.dueUnsent)} due; failed ${fmt(m.failed)}, retried ${fmt(m.retried)}`,
  ];
}
