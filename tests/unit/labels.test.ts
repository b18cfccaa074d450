import { describe, expect, it } from "vitest";
import { formatAge } from "@/components/tickets/labels";

const now = new Date("2026-11-27T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatAge", () => {
  it("shows minutes below an hour, rounding down", () => {
    expect(formatAge(now, now)).toBe("0 min");
    expect(formatAge(ago(59 * SECOND), now)).toBe("0 min");
    expect(formatAge(ago(MINUTE), now)).toBe("1 min");
    expect(formatAge(ago(MINUTE + 59 * SECOND), now)).toBe("1 min");
    expect(formatAge(ago(45 * MINUTE), now)).toBe("45 min");
    expect(formatAge(ago(59 * MINUTE + 59 * SECOND), now)).toBe("59 min");
  });

  it("shows hours from one hour to just under two days", () => {
    expect(formatAge(ago(HOUR), now)).toBe("1 h");
    expect(formatAge(ago(HOUR + 59 * MINUTE), now)).toBe("1 h");
    expect(formatAge(ago(3 * HOUR), now)).toBe("3 h");
    expect(formatAge(ago(DAY), now)).toBe("24 h");
    expect(formatAge(ago(47 * HOUR + 59 * MINUTE), now)).toBe("47 h");
  });

  it("shows whole days from two days on", () => {
    expect(formatAge(ago(48 * HOUR), now)).toBe("2 d");
    expect(formatAge(ago(71 * HOUR + 59 * MINUTE), now)).toBe("2 d");
    expect(formatAge(ago(72 * HOUR), now)).toBe("3 d");
    expect(formatAge(ago(30 * DAY), now)).toBe("30 d");
    expect(formatAge(ago(400 * DAY), now)).toBe("400 d");
  });

  it("shows 0 min for a time in the future (clock skew)", () => {
    expect(formatAge(new Date(now.getTime() + 5 * MINUTE), now)).toBe("0 min");
    expect(formatAge(new Date(now.getTime() + 3 * DAY), now)).toBe("0 min");
  });
});
