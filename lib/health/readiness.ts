// Is this instance ready for traffic? A pure decision over facts gathered by readiness-checks.ts.
import type { RepeatingJobStatus } from "@/lib/schedule/repeating-job";

export interface ReadinessFacts {
  now: number;
  shuttingDown: boolean;
  /** null: the database answered; else why not (a short phrase, never the driver's message). */
  databaseProblem: string | null;
  /** Migrations in prisma/migrations not applied (or not finished); null when they could not be read (or the database did not answer). */
  unappliedMigrations: string[] | null;
  jobsStarted: boolean;
  jobs: RepeatingJobStatus[];
}

export interface Check {
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; jobs: Check; shutdown: Check };
}

/** A job is late when its timer has not fired for two intervals and half a minute (a blocked event loop, a lost timer). */
export const lateAfterMs = (intervalSeconds: number) => (2 * intervalSeconds + 30) * 1000;
/** A run is stuck when it has gone on longer than the leases of the mail and webhook workers, or three intervals. */
export const stuckAfterMs = (intervalSeconds: number) => Math.max(15 * 60, 3 * intervalSeconds) * 1000;

/** What is wrong with one job, or null. */
export function jobProblem(job: RepeatingJobStatus, now: number): string | null {
  const heartbeat = job.lastTickAt ?? job.startedAt;
  if (now - heartbeat > lateAfterMs(job.intervalSeconds)) return `${job.name}: no run for ${Math.round((now - heartbeat) / 1000)} s`;
  if (job.runningSince !== null && now - job.runningSince > stuckAfterMs(job.intervalSeconds)) {
    return `${job.name}: one run has taken ${Math.round((now - job.runningSince) / 1000)} s`;
  }
  return null;
}

const ok: Check = { ok: true };
const failed = (detail: string): Check => ({ ok: false, detail });

export function readinessOf(facts: ReadinessFacts): Readiness {
  const database = facts.databaseProblem === null ? ok : failed(facts.databaseProblem);
  const migrations =
    facts.unappliedMigrations === null
      ? failed(facts.databaseProblem === null ? "the migrations table could not be read" : "not checked: the database did not answer")
      : facts.unappliedMigrations.length === 0
        ? ok
        : failed(`${facts.unappliedMigrations.length} migration(s) not applied`);
  const problems = facts.jobs.map((job) => jobProblem(job, facts.now)).filter((p): p is string => p !== null);
  const jobs = !facts.jobsStarted ? failed("not started") : problems.length ? failed(problems.join("; ")) : ok;
  const shutdown = facts.shuttingDown ? failed("shutting down") : ok;
  return { ready: database.ok && migrations.ok && jobs.ok && shutdown.ok, checks: { database, migrations, jobs, shutdown } };
}
