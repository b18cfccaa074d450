import { describe, expect, it } from "vitest";
import { DEFAULT_GROUP_FOR_TIER, escalationTargetSlug } from "@/lib/routing/groups";

describe("DEFAULT_GROUP_FOR_TIER", () => {
  it("sends L2 to platform-support and L3 to engineering-support, and has no default for L1 or L4", () => {
    expect(DEFAULT_GROUP_FOR_TIER).toEqual({ L2: "platform-support", L3: "engineering-support" });
  });
});

describe("escalationTargetSlug", () => {
  it("takes the group asked for, at any tier, over the category's group", () => {
    expect(escalationTargetSlug("L2", "network-support", "identity-support")).toBe("network-support");
    expect(escalationTargetSlug("L3", "database-engineering", "identity-support")).toBe("database-engineering");
    expect(escalationTargetSlug("L4", "vendor-acme", null)).toBe("vendor-acme");
  });

  it("sends L2 to the category's L2 group when none is asked for", () => {
    expect(escalationTargetSlug("L2", undefined, "identity-support")).toBe("identity-support");
  });

  it("sends L2 to platform-support when neither the request nor the category names a group", () => {
    expect(escalationTargetSlug("L2", undefined, null)).toBe("platform-support");
  });

  it("ignores the category's L2 group for L3", () => {
    expect(escalationTargetSlug("L3", undefined, "identity-support")).toBe("engineering-support");
    expect(escalationTargetSlug("L3", undefined, null)).toBe("engineering-support");
  });

  it("has no default at L4 (the L4 group must be named) or L1", () => {
    expect(escalationTargetSlug("L4", undefined, "identity-support")).toBeNull();
    expect(escalationTargetSlug("L4", undefined, null)).toBeNull();
    expect(escalationTargetSlug("L1", undefined, null)).toBeNull();
  });

  it("treats an empty requested group as not given", () => {
    expect(escalationTargetSlug("L2", "", null)).toBe("platform-support");
  });
});
