import { describe, expect, it } from "vitest";
import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";
import { DEFAULT_MATRIX } from "@/lib/routing/defaults";
import { classify, type MatrixData } from "@/lib/routing/matrix";

const levels = ["HIGH", "MEDIUM", "LOW"] as const;

/** DEFAULT_MATRIX as the database stores it: one row per cell. */
function defaultMatrix(version: number): MatrixData {
  return {
    version,
    cells: levels.flatMap((impact) => levels.map((urgency) => ({ impact, urgency, priority: DEFAULT_MATRIX[impact][urgency] }))),
  };
}

describe("classify over DEFAULT_MATRIX", () => {
  const expected: [Impact, Urgency, Priority][] = [
    ["HIGH", "HIGH", "P1"],
    ["HIGH", "MEDIUM", "P2"],
    ["HIGH", "LOW", "P3"],
    ["MEDIUM", "HIGH", "P2"],
    ["MEDIUM", "MEDIUM", "P3"],
    ["MEDIUM", "LOW", "P4"],
    ["LOW", "HIGH", "P3"],
    ["LOW", "MEDIUM", "P4"],
    ["LOW", "LOW", "P5"],
  ];

  it.each(expected)("impact %s × urgency %s → %s", (impact, urgency, priority) => {
    expect(classify(defaultMatrix(1), impact, urgency)).toEqual({
      priority,
      matrixVersion: 1,
      cell: { impact, urgency },
    });
  });

  it("covers exactly nine cells", () => {
    expect(defaultMatrix(1).cells).toHaveLength(9);
  });

  it("reports the version of the matrix it used", () => {
    expect(classify(defaultMatrix(7), "LOW", "LOW").matrixVersion).toBe(7);
  });
});

describe("classify over other matrices", () => {
  it("uses the matrix it is given, not the defaults", () => {
    const matrix: MatrixData = { version: 2, cells: [{ impact: "LOW", urgency: "LOW", priority: "P1" }] };
    expect(classify(matrix, "LOW", "LOW")).toEqual({ priority: "P1", matrixVersion: 2, cell: { impact: "LOW", urgency: "LOW" } });
  });

  it("matches impact and urgency separately, not swapped", () => {
    const matrix: MatrixData = {
      version: 1,
      cells: [
        { impact: "HIGH", urgency: "LOW", priority: "P3" },
        { impact: "LOW", urgency: "HIGH", priority: "P5" },
      ],
    };
    expect(classify(matrix, "LOW", "HIGH").priority).toBe("P5");
    expect(classify(matrix, "HIGH", "LOW").priority).toBe("P3");
  });

  it("throws for a missing cell", () => {
    const matrix = defaultMatrix(3);
    matrix.cells = matrix.cells.filter((c) => !(c.impact === "LOW" && c.urgency === "HIGH"));
    expect(() => classify(matrix, "LOW", "HIGH")).toThrow("Priority matrix v3 has no cell for impact LOW × urgency HIGH.");
    // The other cells still classify.
    expect(classify(matrix, "LOW", "MEDIUM").priority).toBe("P4");
  });

  it("throws for an empty matrix", () => {
    expect(() => classify({ version: 5, cells: [] }, "HIGH", "HIGH")).toThrow(
      "Priority matrix v5 has no cell for impact HIGH × urgency HIGH.",
    );
  });
});
