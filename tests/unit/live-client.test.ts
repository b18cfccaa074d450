import { describe, expect, it } from "vitest";
import { reopenDelayMs, streamUrl } from "@/components/live/live-events";

describe("the browser's stream", () => {
  it("follows the ticket open in the tab and resumes after the last event seen", () => {
    expect(streamUrl(null, null)).toBe("/api/v1/stream");
    expect(streamUrl("INC-000042", null)).toBe("/api/v1/stream?ticket=INC-000042");
    expect(streamUrl("INC-000042", "a1b2c3-17")).toBe("/api/v1/stream?ticket=INC-000042&lastEventId=a1b2c3-17");
  });

  it("after a refusal, opens again after 5 s, doubling up to a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(reopenDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});
