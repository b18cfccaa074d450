import { describe, expect, it } from "vitest";
import { keepShown, selectRange, toggleOne } from "@/components/queue/selection";

const ORDER = ["A", "B", "C", "D", "E"];

describe("queue selection", () => {
  it("toggles one row", () => {
    expect([...toggleOne(new Set(["A"]), "B")]).toEqual(["A", "B"]);
    expect([...toggleOne(new Set(["A", "B"]), "A")]).toEqual(["B"]);
  });

  it("selects the range from the anchor to the target in either direction, keeping the rest", () => {
    expect([...selectRange(new Set(["A"]), ORDER, "B", "D")].sort()).toEqual(["A", "B", "C", "D"]);
    expect([...selectRange(new Set(), ORDER, "E", "C")].sort()).toEqual(["C", "D", "E"]);
    expect([...selectRange(new Set(["C"]), ORDER, "C", "C")]).toEqual(["C"]);
  });

  it("without an anchor (or one no longer shown) toggles the target alone", () => {
    expect([...selectRange(new Set(), ORDER, null, "C")]).toEqual(["C"]);
    expect([...selectRange(new Set(["C"]), ORDER, "Z", "C")]).toEqual([]);
    expect([...selectRange(new Set(["A"]), ORDER, "A", "Z")]).toEqual(["A"]);
  });

  it("drops rows no longer shown", () => {
    expect([...keepShown(new Set(["A", "Z", "C"]), ORDER)]).toEqual(["A", "C"]);
  });
});
