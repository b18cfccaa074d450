import { expect, it } from "vitest";

// tests/setup/clock-ahead.ts moves the suites' clock three years ahead, so a step that uses a clock it
// was not given fails today. This holds it in place: removing the setup file fails here.
it("runs the suite on a clock years ahead of the real one", () => {
  const real = performance.timeOrigin + performance.now();
  const aheadDays = (Date.now() - real) / 86_400_000;
  expect(aheadDays).toBeGreaterThan(3 * 365 - 1);
  expect(new Date().getTime() - Date.now()).toBeLessThan(1_000);
  // Dates the code builds from values keep their meaning.
  expect(new Date("2026-12-02T00:00:00Z").toISOString()).toBe("2026-12-02T00:00:00.000Z");
  expect(new Date(0).getTime()).toBe(0);
});
