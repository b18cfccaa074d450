import { describe, expect, it } from "vitest";
import * as Enums from "@/lib/db/generated/enums";
import { LABELS_BY_ENUM } from "@/lib/labels";

/** The schema's enums, read from Prisma's generated module: a value added to the schema fails here until it has words. */
const schemaEnums = Object.entries(Enums).filter(([, value]) => typeof value === "object" && value !== null) as [string, Record<string, string>][];

describe("the label map", () => {
  it("has a map for every enum in the schema", () => {
    expect(schemaEnums.length).toBeGreaterThan(10);
    expect(Object.keys(LABELS_BY_ENUM).sort()).toEqual(schemaEnums.map(([name]) => name).sort());
  });

  for (const [name, values] of schemaEnums) {
    it(`gives words to every ${name} value`, () => {
      const maps = (LABELS_BY_ENUM as Record<string, readonly Record<string, string>[]>)[name] ?? [];
      expect(maps.length).toBeGreaterThan(0);
      for (const map of maps) {
        for (const value of Object.values(values)) {
          const label = map[value];
          expect(label, `${name}.${value}`).toBeTruthy();
          // A raw code (IN_PROGRESS, SERVICE_REQUEST) never reaches a person; short codes people use (L1, P2) may.
          expect(label, `${name}.${value}`).not.toMatch(/_/);
          if (value.length > 2) expect(label, `${name}.${value}`).not.toBe(value);
        }
      }
    });
  }
});

describe("the audit trail in words", () => {
  it("says each recorded action and entity in words", async () => {
    const { auditLabel } = await import("@/lib/labels");
    expect(auditLabel("publish", "PriorityMatrix")).toBe("Published priority matrix");
    expect(auditLabel("delete", "SupportGroup")).toBe("Deleted group");
    expect(auditLabel("issue-pin", "User")).toBe("Issued a new PIN");
    expect(auditLabel("something-new", "Thing")).toBe("something-new Thing");
  });
});
