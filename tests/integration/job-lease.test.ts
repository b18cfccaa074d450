import { expect, it, vi } from "vitest";
import { withJobLease } from "@/lib/schedule/job-lease";
import { describeEachDatabase } from "../fixtures/test-database";

// A lease lets one run at a time do a piece of work across every app instance on the database (the IMAP fetch
// of one mailbox): the others skip, and a crashed holder's lease lapses.
describeEachDatabase("Job leases", (database) => {
  /** A run that holds its lease until `finish` is called. */
  function heldRun(name: string, ttlMs = 60_000, now?: () => Date) {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const outcome = withJobLease(name, ttlMs, async () => {
      started();
      await done;
      return "done";
    }, now);
    return { outcome, running, finish };
  }

  it("lets one of 50 racing runs work; the others skip at once; the lease is free again after it", async () => {
    let working = 0;
    let most = 0;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const runs = Array.from({ length: 50 }, () =>
      withJobLease("race", 60_000, async () => {
        most = Math.max(most, ++working);
        await done;
        working--;
        return "worked";
      }),
    );
    let answered = 0;
    for (const run of runs) void run.then(() => answered++);
    // Every run but the worker answers while the worker still holds the lease.
    await vi.waitFor(() => expect(answered).toBe(49), { timeout: 30_000, interval: 20 });
    finish();
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, result: "worked" }]);
    expect(most).toBe(1);
    expect(await database().db.jobLease.count({ where: { name: "race" } })).toBe(0);
    expect(await withJobLease("race", 60_000, async () => "again")).toEqual({ ran: true, result: "again" });
  });

  it("takes over a lease its holder let lapse (a crashed instance), and not one that is still good", async () => {
    const at = Date.parse("2026-12-04T10:00:00Z");
    await database().db.jobLease.create({ data: { name: "lapsing", holder: "crashed-instance", expiresAt: new Date(at + 60_000) } });
    expect(await withJobLease("lapsing", 60_000, async () => "early", () => new Date(at + 59_999))).toEqual({ ran: false });
    const late = heldRun("lapsing", 60_000, () => new Date(at + 60_000));
    await late.running;
    expect(await database().db.jobLease.findUniqueOrThrow({ where: { name: "lapsing" } })).toMatchObject({ expiresAt: new Date(at + 120_000) });
    late.finish();
    expect(await late.outcome).toEqual({ ran: true, result: "done" });
  });

  it("gives the lease back when the work throws, and leases of other names are apart", async () => {
    await expect(withJobLease("failing", 60_000, async () => Promise.reject(new Error("IMAP server gone")))).rejects.toThrow("IMAP server gone");
    expect(await database().db.jobLease.count({ where: { name: "failing" } })).toBe(0);
    const one = heldRun("mailbox-a");
    await one.running;
    expect(await withJobLease("mailbox-b", 60_000, async () => "b")).toEqual({ ran: true, result: "b" });
    one.finish();
    await one.outcome;
  });
});
