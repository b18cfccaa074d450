import { describe, expect, it } from "vitest";
import { ORPHAN_GRACE_MS, orphanFiles, pastGrace } from "@/lib/attachments/orphan-files";

const now = new Date("2026-11-27T12:00:00Z");
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
const files = [
  { storageKey: "linked-old", writtenAt: at(600) },
  { storageKey: "orphan-old", writtenAt: at(61) },
  { storageKey: "orphan-at-the-edge", writtenAt: at(60) },
  { storageKey: "orphan-fresh", writtenAt: at(1) },
];

describe("orphan attachment files", () => {
  it("are files past the grace period (an hour by default) that no row names", () => {
    expect(ORPHAN_GRACE_MS).toBe(60 * 60 * 1000);
    expect(orphanFiles(files, new Set(["linked-old"]), now).map((f) => f.storageKey)).toEqual(["orphan-old"]);
    expect(pastGrace(files, now).map((f) => f.storageKey)).toEqual(["linked-old", "orphan-old"]);
  });

  it("take a shorter grace period when asked", () => {
    expect(orphanFiles(files, new Set(), now, 0).map((f) => f.storageKey)).toEqual(["linked-old", "orphan-old", "orphan-at-the-edge", "orphan-fresh"]);
  });
});
