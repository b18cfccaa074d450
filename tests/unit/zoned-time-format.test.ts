import { describe, expect, it } from "vitest";
import { formatExact } from "@/components/ui/time-format";
import { formatMoment, nextUpdateShort, updatePromise } from "@/lib/tickets/core/update-promise";

describe("times in the reader's time zone, the zone named", () => {
  const at = "2026-11-27T17:45:00.000Z";

  it("server-side (and before hydration) in UTC", () => {
    expect(formatMoment(at)).toBe("27 Nov, 17:45 UTC");
    expect(formatExact(new Date("2026-11-30T09:15:00Z"))).toBe("Mon, 30 Nov 2026, 09:15:00 UTC");
  });

  it("in the browser's zone, with its name or offset", () => {
    expect(formatMoment(at, "Europe/Berlin")).toBe("27 Nov, 18:45 CET");
    expect(formatMoment(at, "America/New_York")).toBe("27 Nov, 12:45 GMT-5");
    expect(formatMoment(at, "Asia/Kolkata")).toBe("27 Nov, 23:15 GMT+5:30");
    expect(formatExact(new Date("2026-11-30T09:15:00Z"), "Europe/Berlin")).toBe("Mon, 30 Nov 2026, 10:15:00 CET");
  });

  it("decides 'today' in the reader's zone", () => {
    // 23:30 UTC on 1 Dec is already 2 Dec in Berlin, where "now" (10:00 UTC) is still 1 Dec.
    const now = new Date("2026-12-01T10:00:00Z");
    expect(updatePromise("2026-12-01T23:30:00.000Z", now)).toBe("We will update you by 23:30 UTC");
    expect(updatePromise("2026-12-01T23:30:00.000Z", now, "Europe/Berlin")).toBe("We will update you by Wed 2 Dec, 00:30 CET");
    expect(nextUpdateShort("IN_PROGRESS", "2026-12-01T14:30:00.000Z", now, "Europe/Berlin")).toBe("by 15:30 CET");
  });
});
