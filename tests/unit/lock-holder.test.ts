import { describe, expect, it } from "vitest";
import { lockedMessage, lockVerdict, parseLockHolder, pidToStop, type LockHolder, type ProbeProcess } from "@/lib/db/lock-holder";

const holder: LockHolder = {
  pid: 100,
  startTicks: "5000",
  purpose: "npm start",
  command: "node scripts/start.ts",
  host: "desk-1",
  since: "2026-12-03T08:40:01.123Z",
  token: "t",
};
const probeOf =
  (running: Record<number, string | null>): ProbeProcess =>
  (pid) =>
    pid in running ? { running: true, startTicks: running[pid]! } : { running: false };

describe("lockVerdict", () => {
  it("is live while the holder runs with the start time it wrote", () => {
    expect(lockVerdict(holder, "desk-1", probeOf({ 100: "5000" }))).toBe("live");
  });
  it("is stale when the pid is gone (a crash, kill -9)", () => {
    expect(lockVerdict(holder, "desk-1", probeOf({}))).toBe("stale");
  });
  it("is stale when the pid now belongs to a process that started at another time (pid reuse)", () => {
    expect(lockVerdict(holder, "desk-1", probeOf({ 100: "9999" }))).toBe("stale");
  });
  it("trusts the pid alone where start times are unknown (no /proc)", () => {
    expect(lockVerdict({ ...holder, startTicks: null }, "desk-1", probeOf({ 100: "9999" }))).toBe("live");
    expect(lockVerdict(holder, "desk-1", probeOf({ 100: null }))).toBe("live");
  });
  it("stays live while npm start's server runs though npm start itself is gone", () => {
    const withServer = { ...holder, server: { pid: 101, startTicks: "5100" } };
    expect(lockVerdict(withServer, "desk-1", probeOf({ 101: "5100" }))).toBe("live");
    expect(lockVerdict(withServer, "desk-1", probeOf({ 101: "1" }))).toBe("stale");
  });
  it("cannot judge a lock taken on another host: it counts as held", () => {
    expect(lockVerdict(holder, "desk-2", probeOf({}))).toBe("other-host");
  });
});

describe("the lock's message", () => {
  it("names the process, since when, and how to stop it", () => {
    const text = lockedMessage("/srv/db", holder, "live", probeOf({ 100: "5000" }));
    expect(text).toContain("The embedded database /srv/db is in use by another Tierdesk process");
    expect(text).toContain("npm start, pid 100 on desk-1, since 2026-12-03 08:40:01 UTC");
    expect(text).toContain("kill 100");
  });
  it("says to stop the server when npm start is gone", () => {
    const withServer = { ...holder, server: { pid: 101, startTicks: "5100" } };
    expect(pidToStop(withServer, probeOf({ 101: "5100" }))).toBe(101);
    expect(pidToStop(withServer, probeOf({ 100: "5000", 101: "5100" }))).toBe(100);
  });
  it("tells how to clear a lock of another host", () => {
    expect(lockedMessage("/srv/db", holder, "other-host", probeOf({}))).toContain("remove /srv/db/tierdesk.pid");
  });
});

describe("parseLockHolder", () => {
  it("reads what the lock writes and refuses anything else", () => {
    expect(parseLockHolder(JSON.stringify(holder))).toEqual(holder);
    expect(parseLockHolder("12345\n")).toBeNull();
    expect(parseLockHolder("{}")).toBeNull();
  });
});
