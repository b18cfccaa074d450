import { describe, expect, it } from "vitest";
import { AUDIT_VALUE_MAX, diffAuditValues, formatAuditValue } from "@/lib/admin/audit-diff";

describe("diffAuditValues", () => {
  it("lists only the fields that changed, with old and new value", () => {
    const before = { slug: "access", name: "Access", defaultUrgency: "LOW", l2Group: "platform-support" };
    const after = { slug: "access", name: "Access", defaultUrgency: "HIGH", l2Group: "" };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "defaultUrgency", before: "LOW", after: "HIGH" },
      { path: "l2Group", before: "platform-support", after: "" },
    ]);
  });

  it("flattens nested objects to dotted paths", () => {
    const before = { target: { tierBudgetMinutes: { L1: 30, L2: 60 }, businessHours: true } };
    const after = { target: { tierBudgetMinutes: { L1: 45, L2: 60 }, businessHours: true } };
    expect(diffAuditValues(before, after)).toEqual([{ path: "target.tierBudgetMinutes.L1", before: 30, after: 45 }]);
  });

  it("names list elements by their identifying key, and shows an added or removed element whole", () => {
    const before = { members: [{ userId: "l1agent", name: "Lena" }, { userId: "l1agent2", name: "Leo" }] };
    const after = { members: [{ userId: "l1agent", name: "Lena F." }, { userId: "l1new", name: "Nia" }] };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "members[l1agent].name", before: "Lena", after: "Lena F." },
      { path: "members[l1agent2]", before: { userId: "l1agent2", name: "Leo" }, after: undefined },
      { path: "members[l1new]", before: undefined, after: { userId: "l1new", name: "Nia" } },
    ]);
  });

  it("names matrix cells by impact and urgency, and targets by priority", () => {
    const cells = (p: string) => [
      { impact: "HIGH", urgency: "HIGH", priority: p },
      { impact: "HIGH", urgency: "LOW", priority: "P3" },
    ];
    const before = { version: 1, cells: cells("P1"), targets: [{ priority: "P1", firstResponseMinutes: 15 }] };
    const after = { version: 2, cells: cells("P2"), targets: [{ priority: "P1", firstResponseMinutes: 20 }] };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "version", before: 1, after: 2 },
      { path: "cells[HIGH/HIGH].priority", before: "P1", after: "P2" },
      { path: "targets[P1].firstResponseMinutes", before: 15, after: 20 },
    ]);
  });

  it("falls back to the index when list elements have no unique key", () => {
    const before = { holidays: [{ name: "A", note: 1 }] };
    const after = { holidays: [{ name: "B", note: 1 }, { name: "C", note: 2 }] };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "holidays[0].name", before: "A", after: "B" },
      { path: "holidays[1]", before: undefined, after: { name: "C", note: 2 } },
    ]);
  });

  it("compares lists of plain values as one field", () => {
    expect(diffAuditValues({ workdays: [1, 2, 3] }, { workdays: [1, 2, 3, 6] })).toEqual([{ path: "workdays", before: [1, 2, 3], after: [1, 2, 3, 6] }]);
    expect(diffAuditValues({ workdays: [1, 2] }, { workdays: [1, 2] })).toEqual([]);
  });

  it("lists every field of a created record as new, and of a deleted one as gone", () => {
    expect(diffAuditValues(null, { slug: "g", tier: "L2" })).toEqual([
      { path: "slug", before: undefined, after: "g" },
      { path: "tier", before: undefined, after: "L2" },
    ]);
    expect(diffAuditValues({ slug: "g", members: [] }, null)).toEqual([
      { path: "slug", before: "g", after: undefined },
      { path: "members", before: [], after: undefined },
    ]);
  });

  it("treats a value that changed type as one field, and a missing key as absent", () => {
    expect(diffAuditValues({ publishedBy: null }, { publishedBy: { userId: "admin" } })).toEqual([{ path: "publishedBy", before: null, after: { userId: "admin" } }]);
    expect(diffAuditValues({ a: 1 }, { a: 1, b: false })).toEqual([{ path: "b", before: undefined, after: false }]);
    expect(diffAuditValues("x", "y")).toEqual([{ path: "(value)", before: "x", after: "y" }]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });
});

describe("formatAuditValue", () => {
  it("shows each kind of value compactly", () => {
    expect(formatAuditValue(undefined)).toBe("—");
    expect(formatAuditValue(null)).toBe("null");
    expect(formatAuditValue("")).toBe('""');
    expect(formatAuditValue("P2")).toBe("P2");
    expect(formatAuditValue(45)).toBe("45");
    expect(formatAuditValue(false)).toBe("false");
    expect(formatAuditValue([1, 2])).toBe("[1,2]");
    expect(formatAuditValue({ userId: "l1new" })).toBe('{"userId":"l1new"}');
  });

  it("cuts long text", () => {
    const text = formatAuditValue("x".repeat(AUDIT_VALUE_MAX + 50));
    expect(text).toHaveLength(AUDIT_VALUE_MAX);
    expect(text.endsWith("…")).toBe(true);
  });
});
