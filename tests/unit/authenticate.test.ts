import { describe, expect, it, vi } from "vitest";

// Only the pure normalizeUserId is under test: make sure nothing here can reach a database.
vi.mock("@/lib/db/client", () => ({
  db: () => {
    throw new Error("unit tests must not open a database");
  },
}));

const { normalizeUserId } = await import("@/lib/auth/authenticate");

describe("normalizeUserId", () => {
  it("upper-cases customer IDs", () => {
    expect(normalizeUserId("customer", "c1001")).toBe("C1001");
    expect(normalizeUserId("customer", "C1001")).toBe("C1001");
    expect(normalizeUserId("customer", "cUsT-42")).toBe("CUST-42");
  });

  it("lower-cases staff usernames", () => {
    expect(normalizeUserId("staff", "L1Agent")).toBe("l1agent");
    expect(normalizeUserId("staff", "ADMIN")).toBe("admin");
    expect(normalizeUserId("staff", "manager")).toBe("manager");
  });

  it("trims surrounding whitespace but keeps inner characters", () => {
    expect(normalizeUserId("customer", "  c1001 ")).toBe("C1001");
    expect(normalizeUserId("customer", "\tc1001\n")).toBe("C1001");
    expect(normalizeUserId("staff", "  L2.Agent  ")).toBe("l2.agent");
    expect(normalizeUserId("staff", " first last ")).toBe("first last");
  });

  it("leaves an empty or blank ID empty", () => {
    expect(normalizeUserId("customer", "")).toBe("");
    expect(normalizeUserId("staff", "   ")).toBe("");
  });

  it("treats the same typed ID differently for each door", () => {
    expect(normalizeUserId("customer", " Ab1 ")).toBe("AB1");
    expect(normalizeUserId("staff", " Ab1 ")).toBe("ab1");
  });
});
