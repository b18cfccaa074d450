import { describe, expect, it } from "vitest";
import { decideSenderRate, HOUR_MS, releaseSenderTime, senderKey, timesInWindow } from "@/lib/inbound/sender-rate";

const rate = { limit: 3, windowMs: HOUR_MS };
const t0 = Date.UTC(2029, 5, 1, 12, 0, 0);
const min = 60_000;

/** Takes messages at the given times one after another, as the receiver does, and says which were allowed. */
function run(times: number[], limit = rate.limit): boolean[] {
  let kept: readonly number[] = [];
  return times.map((t) => {
    const d = decideSenderRate(kept, t, { limit, windowMs: HOUR_MS });
    kept = d.times;
    return d.allowed;
  });
}

describe("senderKey", () => {
  it("counts an address without regard to case or surrounding blanks; the null sender is its own key", () => {
    expect(senderKey(" Alice@Example.COM ")).toBe("alice@example.com");
    expect(senderKey("alice@example.com")).toBe(senderKey("ALICE@example.com"));
    expect(senderKey("")).toBe("");
  });
});

describe("decideSenderRate", () => {
  it("allows `limit` messages in an hour and refuses the next, without counting the refusal", () => {
    expect(run([t0, t0 + min, t0 + 2 * min, t0 + 3 * min])).toEqual([true, true, true, false]);
    const kept = [t0, t0 + min, t0 + 2 * min];
    const refused = decideSenderRate(kept, t0 + 3 * min, rate);
    expect(refused).toEqual({ allowed: false, retryAfterMs: HOUR_MS - 3 * min, times: kept });
  });

  it("appends the time taken to the list to keep", () => {
    expect(decideSenderRate([], t0, rate)).toEqual({ allowed: true, times: [t0] });
    expect(decideSenderRate([t0], t0 + min, rate)).toEqual({ allowed: true, times: [t0, t0 + min] });
  });

  it("slides: a place comes free exactly when the oldest message is an hour old", () => {
    const kept = [t0, t0 + 10 * min, t0 + 20 * min];
    expect(decideSenderRate(kept, t0 + HOUR_MS - 1, rate)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    expect(decideSenderRate(kept, t0 + HOUR_MS, rate)).toEqual({ allowed: true, times: [t0 + 10 * min, t0 + 20 * min, t0 + HOUR_MS] });
    // a sender refused once keeps trying, and gets in once the window has moved on
    expect(run([t0, t0, t0, t0 + 1, t0 + 30 * min, t0 + HOUR_MS, t0 + HOUR_MS, t0 + HOUR_MS, t0 + HOUR_MS])).toEqual([
      true, true, true, false, false, true, true, true, false,
    ]);
  });

  it("is not a fixed window: a burst at the end of one hour and the start of the next is still limited", () => {
    const burst = [t0 + 59 * min, t0 + 59 * min, t0 + 59 * min, t0 + 61 * min];
    expect(run(burst)).toEqual([true, true, true, false]);
  });

  it("with a lowered limit, waits until enough old messages have left", () => {
    const kept = [t0, t0 + min, t0 + 2 * min, t0 + 3 * min];
    expect(decideSenderRate(kept, t0 + 4 * min, { limit: 2, windowMs: HOUR_MS })).toMatchObject({ allowed: false, retryAfterMs: HOUR_MS - 2 * min });
  });

  it("refuses everything at limit 0", () => {
    expect(decideSenderRate([], t0, { limit: 0, windowMs: HOUR_MS })).toEqual({ allowed: false, retryAfterMs: HOUR_MS, times: [] });
  });

  it("drops times that left the window and still counts one after now (a clock stepped back)", () => {
    expect(timesInWindow([t0 - HOUR_MS, t0 - HOUR_MS + 1, t0, t0 + min], t0, HOUR_MS)).toEqual([t0 - HOUR_MS + 1, t0, t0 + min]);
  });
});

describe("releaseSenderTime", () => {
  it("gives back one place taken at that time, and leaves the list alone otherwise", () => {
    expect(releaseSenderTime([t0, t0 + min, t0 + min], t0 + min)).toEqual([t0, t0 + min]);
    expect(releaseSenderTime([t0], t0 + 5)).toEqual([t0]);
    const kept = [t0];
    releaseSenderTime(kept, t0);
    expect(kept).toEqual([t0]); // pure
  });
});
