import { describe, expect, it } from "vitest";
import { takeFromBucket, type BucketState } from "@/lib/tokens/token-bucket";

const limits = { ratePerSecond: 20, burst: 100 };

function drain(state: BucketState | undefined, now: number, times: number) {
  let allowed = 0;
  let last: ReturnType<typeof takeFromBucket> | undefined;
  for (let i = 0; i < times; i++) {
    last = takeFromBucket(state, now, limits);
    state = last.state;
    if (last.allowed) allowed++;
  }
  return { allowed, state, last: last! };
}

describe("takeFromBucket", () => {
  it("allows a burst of 100 at once, then refuses the 101st with a wait", () => {
    const { allowed, last } = drain(undefined, 0, 101);
    expect(allowed).toBe(100);
    expect(last).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refills at 20 a second: 50 ms buys one request, a second buys 20", () => {
    const empty = drain(undefined, 0, 100).state;
    expect(takeFromBucket(empty, 49, limits).allowed).toBe(false);
    expect(takeFromBucket(empty, 50, limits).allowed).toBe(true);
    expect(drain(empty, 1000, 21).allowed).toBe(20);
  });

  it("sustains 20 a second forever: 200 requests spread evenly over 10 s all pass after the burst is spent", () => {
    let state = drain(undefined, 0, 100).state;
    let allowed = 0;
    for (let i = 1; i <= 200; i++) {
      const d = takeFromBucket(state, i * 50, limits);
      state = d.state;
      if (d.allowed) allowed++;
    }
    expect(allowed).toBe(200);
  });

  it("never holds more than the burst, however long it rested", () => {
    const rested = takeFromBucket({ tokens: 0, at: 0 }, 3_600_000, limits);
    expect(rested.state.tokens).toBe(99);
  });

  it("does not refill when the clock steps back", () => {
    const d = takeFromBucket({ tokens: 0.5, at: 10_000 }, 9_000, limits);
    expect(d.allowed).toBe(false);
    expect(d.state.tokens).toBe(0.5);
  });

  it("a refusal does not spend: the wait is what is missing at the rate, rounded up to whole seconds", () => {
    const d = takeFromBucket({ tokens: 0, at: 0 }, 0, { ratePerSecond: 0.25, burst: 1 });
    expect(d).toMatchObject({ allowed: false, retryAfterSeconds: 4 });
    expect(d.state.tokens).toBe(0);
  });
});
