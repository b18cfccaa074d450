import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  intervalSeconds,
  markRepeatingJobsStarted,
  repeatingJobStatuses,
  repeatingJobsStarted,
  resetRepeatingJobsForTests,
  startRepeatingJob,
  stopAllRepeatingJobs,
} from "@/lib/schedule/repeating-job";

describe("intervalSeconds", () => {
  it("takes a number of seconds from the environment, 0 to turn a job off, and the default for anything else", () => {
    expect(intervalSeconds(undefined, 3600)).toBe(3600);
    expect(intervalSeconds("600", 3600)).toBe(600);
    expect(intervalSeconds("0", 60)).toBe(0);
    expect(intervalSeconds("soon", 10)).toBe(10);
    expect(intervalSeconds("-5", 60)).toBe(60);
  });
});

/** The JSON lines a spied console method was given. */
const jsonLines = (spy: unknown) => (spy as { mock: { calls: unknown[][] } }).mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);

describe("startRepeatingJob", () => {
  beforeEach(() => {
    resetRepeatingJobsForTests();
    vi.useFakeTimers({ now: new Date("2026-12-03T09:00:00Z") });
    vi.stubEnv("LOG_FORMAT", "");
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    resetRepeatingJobsForTests();
    vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("runs every interval, once per name however often it is started, and never overlaps a run still going", async () => {
    let release = () => {};
    const run = vi.fn(() => new Promise<string | null>((resolve) => (release = () => resolve("did 1 thing"))));
    startRepeatingJob("test-overlap", 10, run);
    startRepeatingJob("test-overlap", 10, run);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(jsonLines(console.log)[0]).toMatchObject({ type: "job", job: "test-overlap", result: "did 1 thing", durationMs: 20_000 });
  });

  it("logs every run as one JSON line with its own run id, a failed one with its error, and tries again next time", async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error("database away")).mockResolvedValue(null);
    startRepeatingJob("test-failure", 5, run);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(jsonLines(console.error)).toEqual([expect.objectContaining({ job: "test-failure", result: null, error: "database away" })]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
    const [quiet] = jsonLines(console.log);
    expect(quiet).toMatchObject({ job: "test-failure", result: null });
    expect(quiet!.runId).not.toBe(jsonLines(console.error)[0]!.runId);
    expect(quiet).not.toHaveProperty("error");

    const off = vi.fn();
    startRepeatingJob("test-off", 0, off);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(off).not.toHaveBeenCalled();
  });

  it("with LOG_FORMAT=text, says only what a run did, as before", async () => {
    vi.stubEnv("LOG_FORMAT", "text");
    const run = vi.fn().mockResolvedValueOnce(null).mockResolvedValueOnce({ sent: 2 });
    startRepeatingJob("test-text", 5, run);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(console.log).toHaveBeenCalledTimes(1);
    expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/^\[test-text\] \{"sent":2\} \(run [0-9a-f]{8}, 0 ms\)$/));
  });

  it("reports each job's heartbeat for readiness, and whether the server has started its jobs", async () => {
    expect(repeatingJobsStarted()).toBe(false);
    startRepeatingJob("test-heartbeat", 10, async () => null);
    markRepeatingJobsStarted();
    expect(repeatingJobsStarted()).toBe(true);
    const started = Date.now();
    expect(repeatingJobStatuses()).toEqual([
      { name: "test-heartbeat", intervalSeconds: 10, startedAt: started, lastTickAt: null, runningSince: null, lastFinishedAt: null },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(repeatingJobStatuses()[0]).toMatchObject({ lastTickAt: started + 10_000, runningSince: null, lastFinishedAt: started + 10_000 });
  });

  it("stops on shutdown: no run starts again, and the run in progress finishes before the stop resolves", async () => {
    let release = () => {};
    let finished = false;
    const run = vi.fn(
      () =>
        new Promise<null>((resolve) => {
          release = () => {
            finished = true;
            resolve(null);
          };
        }),
    );
    startRepeatingJob("test-stop", 10, run);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(repeatingJobStatuses()[0]!.runningSince).not.toBeNull();

    let stopped: string[] | null = null;
    const stopping = stopAllRepeatingJobs().then((names) => (stopped = names));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(stopped).toBeNull();
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(stopped).toEqual(["test-stop"]);

    await vi.advanceTimersByTimeAsync(60_000);
    startRepeatingJob("test-after-stop", 1, run);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
