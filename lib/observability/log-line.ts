// One log line per request and per job run: JSON by default (one object a line, for a log collector), or a
// line for people with LOG_FORMAT=text. Pure: the callers pass the time and write the line.

export type LogFormat = "json" | "text";

/** LOG_FORMAT: `text` for people; anything else (and unset) is JSON. */
export function logFormatOf(value: string | undefined): LogFormat {
  return value?.trim().toLowerCase() === "text" ? "text" : "json";
}

export interface RequestLogEntry {
  time: Date;
  requestId: string;
  method: string;
  /** The route pattern (lib/observability/route-table.ts), e.g. /api/v1/tickets/[number]. */
  route: string;
  /** The path as asked, without its query string (which may carry search words or a token). */
  path: string;
  status: number;
  durationMs: number;
  clientAddress: string;
  /** The client went away before the whole response was sent. */
  aborted?: boolean;
}

/** What a job run reports: an object or a sentence; null when it found nothing to do. */
export type JobResult = Record<string, unknown> | string | null;

export interface JobLogEntry {
  time: Date;
  job: string;
  runId: string;
  durationMs: number;
  result: JobResult;
  error?: unknown;
}

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function requestLogLine(entry: RequestLogEntry, format: LogFormat): string {
  const durationMs = roundMs(entry.durationMs);
  if (format === "text") {
    const route = entry.route === entry.path ? "" : ` (${entry.route})`;
    return `${entry.time.toISOString()} ${entry.method} ${entry.path}${route} ${entry.status}${entry.aborted ? " aborted" : ""} ${durationMs} ms ${entry.clientAddress} ${entry.requestId}`;
  }
  return JSON.stringify({
    time: entry.time.toISOString(),
    type: "request",
    requestId: entry.requestId,
    method: entry.method,
    route: entry.route,
    path: entry.path,
    status: entry.status,
    durationMs,
    clientAddress: entry.clientAddress,
    ...(entry.aborted ? { aborted: true } : {}),
  });
}

/**
 * A job run's line. JSON: every run, a quiet one too (its line is the job's heartbeat in the log). Text: only a
 * run that reported something or failed (null for the rest), as `[job] what it did`, the way people read it.
 */
export function jobLogLine(entry: JobLogEntry, format: LogFormat): string | null {
  const durationMs = roundMs(entry.durationMs);
  const failed = entry.error !== undefined;
  if (format === "text") {
    if (!failed && entry.result === null) return null;
    const what = failed ? `failed: ${errorText(entry.error)}` : typeof entry.result === "string" ? entry.result : JSON.stringify(entry.result);
    return `[${entry.job}] ${what} (run ${entry.runId.slice(0, 8)}, ${durationMs} ms)`;
  }
  return JSON.stringify({
    time: entry.time.toISOString(),
    type: "job",
    job: entry.job,
    runId: entry.runId,
    durationMs,
    result: entry.result,
    ...(failed ? { error: errorText(entry.error) } : {}),
  });
}
