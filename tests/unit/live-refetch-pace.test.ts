import { describe, expect, it } from "vitest";
import { DEFAULT_REFETCH_PACE, refetchDelay, RefetchScheduler } from "@/lib/live/refetch-pace";

/** A simulated clock: timers fire in time order; a refetch takes `serverMs(n)` of simulated time. */
async function simulate(changesAt: number[], serverMs: (n: number) => number) {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const refetches: { start: number; end: number }[] = [];
  const scheduler = new RefetchScheduler<number>(
    () =>
      new Promise<void>((resolve) => {
        const start = now;
        const end = now + serverMs(refetches.length);
        refetches.push({ start, end });
        timers.set(++seq, { at: end, run: resolve });
      }),
    {
      now: () => now,
      setTimer: (run, ms) => (timers.set(++seq, { at: now + ms, run }), seq),
      clearTimer: (id) => void timers.delete(id),
    },
  );
  changesAt.forEach((at) => timers.set(++seq, { at, run: () => scheduler.changed() }));
  while (timers.size > 0) {
    let id = 0;
    let next = { at: Infinity, run: () => {} };
    for (const [key, timer] of timers) if (timer.at < next.at) [id, next] = [key, timer];
    timers.delete(id);
    now = next.at;
    next.run();
    // Let the scheduler's awaits settle before the clock moves on.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
  return refetches;
}

describe("refetching on pushed changes", () => {
  it("fetches a lone change after the debounce, and changes that come together once", async () => {
    expect(await simulate([1_000], () => 80)).toEqual([{ start: 1_250, end: 1_330 }]);
    expect(await simulate([1_000, 1_010, 1_200], () => 80)).toEqual([{ start: 1_250, end: 1_330 }]);
  });

  it("never misses the last change: a refetch starts after it", async () => {
    const changes = Array.from({ length: 300 }, (_, i) => 1_000 + i * 7);
    const refetches = await simulate(changes, () => 120);
    expect(refetches.at(-1)!.start).toBeGreaterThan(changes.at(-1)!);
  });

  it("asks a slow server less: under a storm a tab waits on it at most a tenth of the time, one request at a time", async () => {
    const changes = Array.from({ length: 6_000 }, (_, i) => i * 10); // 100 changes a second for a minute
    for (const serverMs of [50, 400, 1_500]) {
      const refetches = await simulate(changes, () => serverMs);
      refetches.slice(1).forEach((r, i) => expect(r.start).toBeGreaterThanOrEqual(refetches[i]!.end));
      const waited = refetches.slice(0, -1).reduce((sum, r) => sum + (r.end - r.start), 0);
      expect(waited / refetches.at(-1)!.start).toBeLessThanOrEqual(1 / DEFAULT_REFETCH_PACE.slowdown);
    }
    // Against a 1.5 s server: one list every 15 s instead of four a second.
    expect((await simulate(changes, () => 1_500)).length).toBeLessThanOrEqual(5);
  });

  it("is never further behind than the longest wait, however slow the server", () => {
    expect(refetchDelay(10_000, { startedAt: 10_000, durationMs: 60_000 })).toBe(DEFAULT_REFETCH_PACE.maxGapMs);
    expect(refetchDelay(50_000, { startedAt: 10_000, durationMs: 60_000 })).toBe(DEFAULT_REFETCH_PACE.debounceMs);
  });
});
