import { describe, expect, it } from "vitest";
import { formatAge } from "@/components/tickets/labels";

const now = new Date("2026-11-27T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatAge reads as every duration does", () => {
  it("shows seconds under a minute, then minutes", () => {
    expect(formatAge(now, now)).toBe("0 s");
    expect(formatAge(ago(59 * SECOND), now)).toBe("59 s");
    expect(formatAge(ago(MINUTE), now)).toBe("1 min");
    expect(formatAge(ago(45 * MINUTE), now)).toBe("45 min");
  });

  it("shows hours and minutes under a day, days and hours beyond", () => {
    expect(formatAge(ago(HOUR), now)).toBe("1 h");
    expect(formatAge(ago(3 * HOUR + 20 * MINUTE), now)).toBe("3 h 20 min");
    expect(formatAge(ago(DAY + 8 * HOUR), now)).toBe("1 d 8 h");
    expect(formatAge(ago(400 * DAY), now)).toBe("400 d");
  });

  it("shows 0 s for a time in the future (clock skew)", () => {
    expect(formatAge(new Date(now.getTime() + 5 * MINUTE), now)).toBe("0 s");
  });
});
