import { randomUUID } from "node:crypto";
import { logJobRun } from "@/lib/observability/log";
import type { JobResult } from "@/lib/observability/log-line";
import { observeJobRun } from "@/lib/observability/metrics";

/** Seconds from an environment value: a number ≥ 0 (0 turns the job off), else `fallback`. */
export function intervalSeconds(value: string | undefined, fallback: number): number {
  const seconds = Number(value ?? fallback);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}

interface JobState {
  name: string;
  intervalSeconds: number;
  timer: ReturnType<typeof setInterval>;
  startedAt: number;
  /** When the timer last fired (a run started, or was skipped because the one before was still going). */
  lastTickAt: number | null;
  /** The run in progress, if any: shutdown waits for it. It never rejects. */
  current: Promise<void> | null;
  runningSince: number | null;
  lastFinishedAt: number | null;
}

/** What readiness reads about a job (lib/health/readiness.ts): plain data, times in ms. */
export interface RepeatingJobStatus {
  name: string;
  intervalSeconds: number;
  startedAt: number;
  lastTickAt: number | null;
  runningSince: number | null;
  lastFinishedAt: number | null;
}

interface Scheduler {
  jobs: Map<string, JobState>;
  /** Set once the server has started every job it runs (instrumentation.ts). */
  started: boolean;
  /** Set by stopAllRepeatingJobs: no job starts or runs again in this process. */
  stopping: boolean;
}

// On globalThis: Next.js bundles instrumentation.ts and the route handlers apart, and scripts/serve.ts loads
// this file a third time; all of them must see the one scheduler of the process.
const scheduler: Scheduler = ((globalThis as unknown as { tierdeskScheduler?: Scheduler }).tierdeskScheduler ??= {
  jobs: new Map(),
  started: false,
  stopping: false,
});

/**
 * Runs `run` every `seconds` inside this process, once per `name` however often it is started (hot reloads
 * included); a run never overlaps the one before. Every run leaves one log line (lib/observability/log.ts) with
 * its run id, duration and what it reported (null: nothing worth saying), and its duration and outcome in the
 * metrics; a failed run is logged and tried again next time.
 */
export function startRepeatingJob(name: string, seconds: number, run: () => Promise<JobResult>): void {
  if (seconds === 0 || scheduler.jobs.has(name) || scheduler.stopping) return;
  const state: JobState = { name, intervalSeconds: seconds, timer: undefined!, startedAt: Date.now(), lastTickAt: null, current: null, runningSince: null, lastFinishedAt: null };
  state.timer = setInterval(() => {
    state.lastTickAt = Date.now();
    if (state.current || scheduler.stopping) return;
    state.runningSince = state.lastTickAt;
    state.current = runOnce(name, run).finally(() => {
      state.current = null;
      state.runningSince = null;
      state.lastFinishedAt = Date.now();
    });
  }, seconds * 1000);
  state.timer.unref?.();
  scheduler.jobs.set(name, state);
}

async function runOnce(name: string, run: () => Promise<JobResult>): Promise<void> {
  const runId = randomUUID();
  const started = performance.now();
  try {
    const report = await run();
    const durationMs = performance.now() - started;
    observeJobRun(name, "ok", durationMs / 1000);
    logJobRun({ job: name, runId, durationMs, result: report });
  } catch (error) {
    const durationMs = performance.now() - started;
    observeJobRun(name, "error", durationMs / 1000);
    logJobRun({ job: name, runId, durationMs, result: null, error });
  }
}

/** Says that the server has started every job it runs: until then readiness reports the jobs as not started. */
export function markRepeatingJobsStarted(): void {
  scheduler.started = true;
}

export function repeatingJobsStarted(): boolean {
  return scheduler.started;
}

export function repeatingJobsStopping(): boolean {
  return scheduler.stopping;
}

export function repeatingJobStatuses(): RepeatingJobStatus[] {
  return [...scheduler.jobs.values()].map(({ name, intervalSeconds, startedAt, lastTickAt, runningSince, lastFinishedAt }) => ({
    name,
    intervalSeconds,
    startedAt,
    lastTickAt,
    runningSince,
    lastFinishedAt,
  }));
}

/**
 * Shutdown: no job starts again (their timers are cleared, and a later startRepeatingJob does nothing), and the
 * runs in progress finish (a sweep, a mail or webhook batch). Resolves with the names of the jobs it waited for.
 */
export async function stopAllRepeatingJobs(): Promise<string[]> {
  scheduler.stopping = true;
  const running: string[] = [];
  const waits: Promise<void>[] = [];
  for (const job of scheduler.jobs.values()) {
    clearInterval(job.timer);
    if (job.current) {
      running.push(job.name);
      waits.push(job.current);
    }
  }
  await Promise.all(waits);
  return running;
}

/** Tests only: clears every job's timer and forgets them (runs in progress are left to end by themselves). */
export function resetRepeatingJobsForTests(): void {
  for (const job of scheduler.jobs.values()) clearInterval(job.timer);
  scheduler.jobs.clear();
  scheduler.started = false;
  scheduler.stopping = false;
}
