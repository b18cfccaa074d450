// Gathers the facts readiness.ts decides on. Cheap enough for a load balancer's probe every second: one
// `SELECT 1`; the migrations are read until they are all applied once, then never again (a running
// instance's code does not change); and one answer serves every probe within the same second.
import { Prisma } from "@/lib/db/generated/client";
import { queryStatement } from "@/lib/db/statement";
import { repeatingJobStatuses, repeatingJobsStarted, repeatingJobsStopping } from "@/lib/schedule/repeating-job";
import { unappliedMigrations } from "@/lib/observability/migration-state";
import { readinessOf, type Readiness } from "@/lib/health/readiness";
import { isShuttingDown } from "@/lib/observability/shutdown";
import { TimeoutError, withTimeout } from "@/lib/observability/with-timeout";

export const DATABASE_PROBE_TIMEOUT_MS = 2_000;
const REUSE_MS = 1_000;

interface ReadinessCache {
  migrationsApplied: boolean;
  last: { at: number; readiness: Promise<Readiness> } | null;
}

const cache: ReadinessCache = ((globalThis as unknown as { tierdeskReadiness?: ReadinessCache }).tierdeskReadiness ??= { migrationsApplied: false, last: null });

async function gather(now: number): Promise<Readiness> {
  let databaseProblem: string | null = null;
  let unapplied: string[] | null = null;
  try {
    await withTimeout(queryStatement(Prisma.sql`SELECT 1`), DATABASE_PROBE_TIMEOUT_MS, "database");
  } catch (error) {
    // The driver's message may name hosts or users: the answer says only what kind of failure it was.
    databaseProblem = error instanceof TimeoutError ? `no answer within ${DATABASE_PROBE_TIMEOUT_MS} ms` : "unreachable";
  }
  if (databaseProblem === null) {
    try {
      unapplied = cache.migrationsApplied ? [] : await withTimeout(unappliedMigrations(), DATABASE_PROBE_TIMEOUT_MS, "migrations");
      cache.migrationsApplied = unapplied.length === 0;
    } catch {
      unapplied = null;
    }
  }
  return readinessOf({
    now,
    shuttingDown: isShuttingDown() || repeatingJobsStopping(),
    databaseProblem,
    unappliedMigrations: unapplied,
    jobsStarted: repeatingJobsStarted(),
    jobs: repeatingJobStatuses(),
  });
}

/** This instance's readiness; probes within a second of each other share one check. */
export function checkReadiness(now = Date.now()): Promise<Readiness> {
  if (isShuttingDown() || !cache.last || now - cache.last.at >= REUSE_MS || now < cache.last.at) {
    cache.last = { at: now, readiness: gather(now) };
  }
  return cache.last.readiness;
}

/** Tests only: forgets the cached answer and the migrations seen applied. */
export function resetReadinessCacheForTests(): void {
  cache.migrationsApplied = false;
  cache.last = null;
}
