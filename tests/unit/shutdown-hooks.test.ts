import { afterEach, describe, expect, it, vi } from "vitest";
import { isShuttingDown, onShutdown, resetShutdownForTests, runShutdownHooks } from "@/lib/observability/shutdown";
import { shutdownSeconds } from "@/lib/observability/shutdown-seconds";

afterEach(() => {
  resetShutdownForTests();
  vi.restoreAllMocks();
});

describe("shutdown hooks", () => {
  it("run once each, side by side, with the signal and a reconnect hint; a failing hook does not stop the others", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const calls: string[] = [];
    let release = () => {};
    onShutdown(async ({ signal, reconnectAfterMs }) => {
      calls.push(`streams ${signal} ${reconnectAfterMs}`);
      await new Promise<void>((resolve) => (release = resolve));
      calls.push("streams closed");
    });
    onShutdown(() => {
      throw new Error("broken hook");
    });
    const removed = onShutdown(() => void calls.push("removed hook"));
    removed();

    expect(isShuttingDown()).toBe(false);
    const done = runShutdownHooks("SIGTERM");
    expect(isShuttingDown()).toBe(true);
    expect(calls).toEqual(["streams SIGTERM 1000"]);
    release();
    await done;
    expect(calls).toEqual(["streams SIGTERM 1000", "streams closed"]);
    expect(console.error).toHaveBeenCalledWith("[tierdesk] A shutdown hook failed:", expect.any(Error));

    await runShutdownHooks("SIGINT");
    expect(calls).toHaveLength(2);
  });
});

describe("TIERDESK_SHUTDOWN_SECONDS", () => {
  it("is 10 by default, a number of seconds from 1 to 600 otherwise", () => {
    expect(shutdownSeconds(undefined)).toBe(10);
    expect(shutdownSeconds("")).toBe(10);
    expect(shutdownSeconds("25")).toBe(25);
    expect(() => shutdownSeconds("0")).toThrow(/1 to 600/);
    expect(() => shutdownSeconds("soon")).toThrow(/1 to 600/);
  });
});
