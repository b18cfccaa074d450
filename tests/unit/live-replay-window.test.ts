import { describe, expect, it } from "vitest";
import { formatEventId, parseEventId } from "@/lib/live/event-id";
import { ReplayWindow } from "@/lib/live/replay-window";

const T0 = Date.parse("2026-12-03T09:00:00Z");

describe("the replay window", () => {
  it("numbers changes in order and resumes after the last one a stream saw", () => {
    const window = new ReplayWindow<string>({ maxEntries: 10, maxAgeMs: 60_000 });
    expect(window.since(0, T0)).toEqual({ kind: "resume", entries: [] });
    expect(["a", "b", "c"].map((item) => window.push(item, T0))).toEqual([1, 2, 3]);
    expect(window.since(1, T0)).toEqual({ kind: "resume", entries: [{ seq: 2, item: "b" }, { seq: 3, item: "c" }] });
    expect(window.since(3, T0)).toEqual({ kind: "resume", entries: [] });
  });

  it("asks for a refetch once something after the last seen change was pushed out by newer ones", () => {
    const window = new ReplayWindow<number>({ maxEntries: 3, maxAgeMs: 60_000 });
    for (let i = 1; i <= 5; i++) window.push(i, T0);
    // 1 and 2 are gone: a stream that saw 1 missed 2; one that saw 2 missed nothing that is gone.
    expect(window.since(0, T0)).toEqual({ kind: "refetch" });
    expect(window.since(1, T0)).toEqual({ kind: "refetch" });
    expect(window.since(2, T0)).toEqual({ kind: "resume", entries: [{ seq: 3, item: 3 }, { seq: 4, item: 4 }, { seq: 5, item: 5 }] });
  });

  it("asks for a refetch once what came after is older than the window", () => {
    const window = new ReplayWindow<string>({ maxEntries: 100, maxAgeMs: 60_000 });
    window.push("old", T0);
    window.push("new", T0 + 50_000);
    expect(window.since(0, T0 + 59_000)).toMatchObject({ kind: "resume" });
    expect(window.since(0, T0 + 61_000)).toEqual({ kind: "refetch" });
    expect(window.since(1, T0 + 61_000)).toEqual({ kind: "resume", entries: [{ seq: 2, item: "new" }] });
  });

  it("never resumes across a gap (the LISTEN connection was down), but does from the gap on", () => {
    const window = new ReplayWindow<string>({ maxEntries: 100, maxAgeMs: 60_000 });
    window.push("a", T0);
    const gap = window.gap(T0);
    window.push("b", T0);
    expect(gap).toBe(2);
    expect(window.since(1, T0)).toEqual({ kind: "refetch" });
    expect(window.since(2, T0)).toEqual({ kind: "resume", entries: [{ seq: 3, item: "b" }] });
  });

  it("asks for a refetch for a number it never gave (from the future, or not a number)", () => {
    const window = new ReplayWindow<string>({ maxEntries: 100, maxAgeMs: 60_000 });
    window.push("a", T0);
    expect(window.since(2, T0)).toEqual({ kind: "refetch" });
    expect(window.since(Number.NaN, T0)).toEqual({ kind: "refetch" });
    expect(window.since(-1, T0)).toEqual({ kind: "refetch" });
  });

  it("keeps at most its limit however many changes pass", () => {
    const window = new ReplayWindow<number>({ maxEntries: 50, maxAgeMs: 60_000 });
    for (let i = 1; i <= 10_000; i++) window.push(i, T0);
    expect(window.size).toBe(50);
    const answer = window.since(9_950, T0);
    expect(answer.kind === "resume" && answer.entries.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 9_951 + i));
  });
});

describe("event ids", () => {
  it("name the instance and the number, and read back", () => {
    expect(formatEventId("a1b2c3", 42)).toBe("a1b2c3-42");
    expect(parseEventId("a1b2c3-42")).toEqual({ instance: "a1b2c3", seq: 42 });
  });

  it("read anything else as no id", () => {
    for (const value of [null, undefined, "", "42", "a1b2c3-", "-42", "A1B2-4", "a1 b2-4", "a1b2-4-5", "x-1234567890123456"]) expect(parseEventId(value)).toBeNull();
  });
});
