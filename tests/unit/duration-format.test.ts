import { describe, expect, it } from "vitest";
import { formatDuration as formatDurationMs, formatRelative } from "@/components/ui/time-format";
import { formatMinutes } from "@/components/admin/matrix-labels";
import { formatMilliseconds, formatSeconds } from "@/lib/format/duration";
import { formatDuration as formatDurationSeconds } from "@/lib/metrics/rates";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatSeconds: one way to read a duration", () => {
  it("shows seconds only under a minute", () => {
    expect(formatSeconds(0)).toBe("0 s");
    expect(formatSeconds(45)).toBe("45 s");
    expect(formatSeconds(59.4)).toBe("59 s");
    expect(formatSeconds(59.6)).toBe("1 min");
  });

  it("shows minutes under an hour", () => {
    expect(formatSeconds(MINUTE)).toBe("1 min");
    expect(formatSeconds(45 * MINUTE)).toBe("45 min");
    expect(formatSeconds(59 * MINUTE + 29)).toBe("59 min");
    expect(formatSeconds(59 * MINUTE + 30)).toBe("1 h");
  });

  it("shows hours and minutes under a day", () => {
    expect(formatSeconds(HOUR)).toBe("1 h");
    expect(formatSeconds(3 * HOUR + 20 * MINUTE)).toBe("3 h 20 min");
    expect(formatSeconds(23 * HOUR + 59 * MINUTE)).toBe("23 h 59 min");
    expect(formatSeconds(23 * HOUR + 59 * MINUTE + 40)).toBe("1 d");
  });

  it("shows days and hours from a day on", () => {
    expect(formatSeconds(DAY)).toBe("1 d");
    expect(formatSeconds(DAY + 8 * HOUR)).toBe("1 d 8 h");
    expect(formatSeconds(DAY + 8 * HOUR + 29 * MINUTE)).toBe("1 d 8 h");
    expect(formatSeconds(DAY + 8 * HOUR + 30 * MINUTE)).toBe("1 d 9 h");
    expect(formatSeconds(2 * DAY + 23 * HOUR + 45 * MINUTE)).toBe("3 d");
    expect(formatSeconds(400 * DAY)).toBe("400 d");
  });

  it("ignores the sign", () => {
    expect(formatSeconds(-90 * MINUTE)).toBe("1 h 30 min");
  });
});

describe("every duration formatter reads the same", () => {
  it("milliseconds, minutes and the dashboard's seconds agree", () => {
    expect(formatMilliseconds((DAY + 8 * HOUR) * 1000)).toBe("1 d 8 h");
    expect(formatDurationMs(-(3 * HOUR + 20 * MINUTE) * 1000)).toBe("3 h 20 min");
    expect(formatMinutes(90)).toBe("1 h 30 min");
    expect(formatMinutes(2400)).toBe("1 d 16 h");
    expect(formatDurationSeconds(3.5 * HOUR)).toBe("3 h 30 min");
    expect(formatDurationSeconds(45)).toBe("45 s");
    expect(formatDurationSeconds(null)).toBe("—");
  });

  it("relative times use it too", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(formatRelative(new Date(now.getTime() - 30_000), now)).toBe("just now");
    expect(formatRelative(new Date(now.getTime() - (DAY + 8 * HOUR) * 1000), now)).toBe("1 d 8 h ago");
    expect(formatRelative(new Date(now.getTime() + 25 * MINUTE * 1000), now)).toBe("in 25 min");
  });
});
