import { expect, it } from "vitest";
import { cappedCount, QUEUE_COUNT_CAP, queueCountLabel } from "@/lib/tickets/queue-count";

it("keeps a count up to the cap and marks one past it as capped", () => {
  expect(QUEUE_COUNT_CAP).toBe(10_000);
  expect(cappedCount(0)).toEqual({ count: 0, capped: false });
  expect(cappedCount(QUEUE_COUNT_CAP)).toEqual({ count: QUEUE_COUNT_CAP, capped: false });
  expect(cappedCount(QUEUE_COUNT_CAP + 1)).toEqual({ count: QUEUE_COUNT_CAP, capped: true });
});

it("reads a capped count as the cap with a plus, any other as the number", () => {
  expect(queueCountLabel(42, false)).toBe("42");
  expect(queueCountLabel(10_000, false)).toBe("10,000");
  expect(queueCountLabel(10_000, true)).toBe("10,000+");
});
