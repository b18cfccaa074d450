import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { intervalSeconds, startRepeatingJob } from "@/lib/schedule/repeating-job";

describe("intervalSeconds", () => {
  it("takes a number of seconds from the environment, 0 to turn a job off, and the default for anything else", () => {
    expect(intervalSeconds(undefined, 3600)).toBe(3600);
    expect(intervalSeconds("600", 3600)).toBe(600);
    expect(intervalSeconds("0", 60)).toBe(0);
    expect(intervalSeconds("soon", 10)).toBe(10);
    expect(intervalSeconds("-5", 60)).toBe(60);
  });
});

describe("startRepeatingJob", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
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
    expect(console.log).toHaveBeenCalledWith("[test-overlap] did 1 thing");
  });

  it("logs a failed run and tries again next time; 0 seconds starts nothing", async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error("database away")).mockResolvedValue(null);
    startRepeatingJob("test-failure", 5, run);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(console.error).toHaveBeenCalledWith("[test-failure] failed:", expect.any(Error));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(console.log).not.toHaveBeenCalled();

    const off = vi.fn();
    startRepeatingJob("test-off", 0, off);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(off).not.toHaveBeenCalled();
  });
});
