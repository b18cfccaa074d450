import { describe, expect, it } from "vitest";
import { jobProblem, readinessOf, type ReadinessFacts } from "@/lib/health/readiness";
import type { RepeatingJobStatus } from "@/lib/schedule/repeating-job";

const now = Date.parse("2026-12-03T09:00:00Z");
const seconds = (n: number) => n * 1000;
const job = (over: Partial<RepeatingJobStatus> = {}): RepeatingJobStatus => ({
  name: "mail",
  intervalSeconds: 10,
  startedAt: now - seconds(3600),
  lastTickAt: now - seconds(4),
  runningSince: null,
  lastFinishedAt: now - seconds(4),
  ...over,
});
const healthy: ReadinessFacts = {
  now,
  shuttingDown: false,
  databaseProblem: null,
  unappliedMigrations: [],
  jobsStarted: true,
  jobs: [job(), job({ name: "sweep", intervalSeconds: 60, lastTickAt: now - seconds(50) })],
};

describe("readiness", () => {
  it("is ready when the database answers, every migration is applied, the jobs run and the instance is not shutting down", () => {
    expect(readinessOf(healthy)).toEqual({
      ready: true,
      checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true }, shutdown: { ok: true } },
    });
  });

  it("is not ready when the database does not answer, and then says the migrations were not checked", () => {
    const readiness = readinessOf({ ...healthy, databaseProblem: "no answer within 2000 ms", unappliedMigrations: null });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database).toEqual({ ok: false, detail: "no answer within 2000 ms" });
    expect(readiness.checks.migrations).toEqual({ ok: false, detail: "not checked: the database did not answer" });
    expect(readiness.checks.jobs.ok).toBe(true);
  });

  it("is not ready while migrations are missing or unreadable, and counts them without naming anything else", () => {
    expect(readinessOf({ ...healthy, unappliedMigrations: ["20270101000000_next", "20270102000000_after"] }).checks.migrations).toEqual({
      ok: false,
      detail: "2 migration(s) not applied",
    });
    expect(readinessOf({ ...healthy, unappliedMigrations: null }).checks.migrations).toEqual({ ok: false, detail: "the migrations table could not be read" });
  });

  it("is not ready before the jobs are started, nor while a job's timer has stopped firing or one run is stuck", () => {
    expect(readinessOf({ ...healthy, jobsStarted: false }).checks.jobs).toEqual({ ok: false, detail: "not started" });
    const late = readinessOf({ ...healthy, jobs: [job({ lastTickAt: now - seconds(51) })] });
    expect(late).toMatchObject({ ready: false, checks: { jobs: { ok: false, detail: "mail: no run for 51 s" } } });
    const stuck = readinessOf({ ...healthy, jobs: [job({ runningSince: now - seconds(901) })] });
    expect(stuck.checks.jobs).toEqual({ ok: false, detail: "mail: one run has taken 901 s" });
  });

  it("gives a job two intervals and half a minute before calling it late, counted from its start until it first fires", () => {
    expect(jobProblem(job({ lastTickAt: now - seconds(50) }), now)).toBeNull();
    expect(jobProblem(job({ lastTickAt: null, startedAt: now - seconds(40) }), now)).toBeNull();
    expect(jobProblem(job({ lastTickAt: null, startedAt: now - seconds(60) }), now)).toBe("mail: no run for 60 s");
    // An hourly job may take up to three hours on one run; a ten-second one fifteen minutes.
    expect(jobProblem(job({ intervalSeconds: 3600, lastTickAt: now, runningSince: now - seconds(3 * 3600) }), now)).toBeNull();
    expect(jobProblem(job({ runningSince: now - seconds(900) }), now)).toBeNull();
  });

  it("is not ready while shutting down, whatever else holds: the load balancer stops sending new requests", () => {
    expect(readinessOf({ ...healthy, shuttingDown: true })).toMatchObject({ ready: false, checks: { shutdown: { ok: false, detail: "shutting down" } } });
  });

  it("with no job enabled (every interval 0), needs only that the jobs were started", () => {
    expect(readinessOf({ ...healthy, jobs: [] }).ready).toBe(true);
  });
});
