import { describe, expect, it } from "vitest";
import { articleDeletionBlockers, categoryDeletionBlockers, deletionRefusal, groupDeletionBlockers, routingRoleOf } from "@/lib/admin/deletion-blockers";

const unused = { slug: "night-shift", tickets: 0, inTicketHistory: false, members: [], l2Categories: [] };

describe("groupDeletionBlockers", () => {
  it("lets an unused group go", () => {
    expect(groupDeletionBlockers(unused)).toEqual([]);
  });

  it("keeps the groups routing depends on without a database row: intake and the tier defaults", () => {
    expect(routingRoleOf("service-desk")).toBe("it is the L1 group every new ticket enters");
    expect(routingRoleOf("platform-support")).toBe("it is the default L2 group escalations go to");
    expect(routingRoleOf("engineering-support")).toBe("it is the default L3 group escalations go to");
    expect(routingRoleOf("cloud-vendor")).toBeNull();
    expect(groupDeletionBlockers({ ...unused, slug: "platform-support" })).toEqual(["it is the default L2 group escalations go to"]);
  });

  it("names tickets, members and categories that still reference it", () => {
    expect(groupDeletionBlockers({ ...unused, tickets: 1, members: ["l2agent"], l2Categories: ["data"] })).toEqual([
      "1 ticket is in it",
      "1 member: l2agent",
      "it is the L2 group of category data",
    ]);
    expect(groupDeletionBlockers({ ...unused, tickets: 3, inTicketHistory: true, members: ["a", "b"], l2Categories: ["data", "platform"] })).toEqual([
      "3 tickets are in it",
      "2 members: a, b",
      "it is the L2 group of categories data, platform",
    ]);
  });

  it("keeps a group that tickets have passed through, though none is in it now", () => {
    expect(groupDeletionBlockers({ ...unused, inTicketHistory: true })).toEqual(["tickets have passed through it, and their history names it"]);
  });
});

describe("categoryDeletionBlockers", () => {
  it("refuses while any ticket is filed under the category", () => {
    expect(categoryDeletionBlockers({ tickets: 0 })).toEqual([]);
    expect(categoryDeletionBlockers({ tickets: 1 })).toEqual(["1 ticket is filed under it"]);
    expect(categoryDeletionBlockers({ tickets: 7 })).toEqual(["7 tickets are filed under it"]);
  });
});

describe("articleDeletionBlockers", () => {
  it("refuses an SOP article, naming its category, and an article whose self-service answers are counted", () => {
    expect(articleDeletionBlockers({ sopFor: null, deflections: 0, feedback: 0 })).toEqual([]);
    expect(articleDeletionBlockers({ sopFor: "access", deflections: 0, feedback: 0 })).toEqual(["it is the SOP article of category access"]);
    expect(articleDeletionBlockers({ sopFor: null, deflections: 2, feedback: 1 })).toEqual(["the self-service figures count its 2 deflections and 1 feedback answer (unpublish it instead)"]);
    expect(articleDeletionBlockers({ sopFor: null, deflections: 0, feedback: 3 })).toEqual(["the self-service figures count its 3 feedback answers (unpublish it instead)"]);
  });
});

describe("deletionRefusal", () => {
  it("says what cannot go and why, in one sentence", () => {
    expect(deletionRefusal("Group platform-support", ["it is the default L2 group escalations go to", "1 member: l2agent"])).toBe(
      "Group platform-support cannot be deleted: it is the default L2 group escalations go to; 1 member: l2agent.",
    );
  });
});
