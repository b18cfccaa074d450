import { describe, expect, it } from "vitest";
import { describeMentionReport, findMentions, MENTION_SENTENCE_MAX } from "@/lib/notifications/mentions";

const ids = (body: string) => findMentions(body).map((m) => m.userId);

describe("findMentions", () => {
  it("finds @userid at the start, after whitespace and after brackets or commas", () => {
    expect(ids("@l2agent look at this")).toEqual(["l2agent"]);
    expect(ids("Ask (@l3agent), then\t@manager.")).toEqual(["l3agent", "manager"]);
    expect(ids("cc:@jane.doe and @ops_team-2")).toEqual(["jane.doe", "ops_team-2"]);
  });

  it("does not read an email address as a mention", () => {
    expect(ids("Mail a@b.com or carla@acme.example")).toEqual([]);
    expect(ids("Write to @l2agent@example.com")).toEqual([]);
  });

  it("reads trailing dots, dashes and underscores as punctuation", () => {
    expect(ids("Thanks @l2agent. Next")).toEqual(["l2agent"]);
    expect(ids("Over to @l2agent...")).toEqual(["l2agent"]);
    expect(ids("Over to @l2agent-")).toEqual(["l2agent"]);
  });

  it("takes only IDs of 2–32 allowed characters", () => {
    expect(ids("@a alone, @ alone, @@l2agent, @-x")).toEqual([]);
    expect(ids(`@${"x".repeat(32)}`)).toEqual(["x".repeat(32)]);
    expect(ids(`@${"x".repeat(33)}`)).toEqual([]);
  });

  it("lists each person once, in any case, in the order first named", () => {
    expect(ids("@L2agent then @l3agent then @l2AGENT")).toEqual(["L2agent", "l3agent"]);
  });

  it("gives each mention the one sentence that names it, trimmed, and nothing else of the note", () => {
    const body = "The customer's VPN drops hourly. @l2agent can you check the gateway logs?  Secret: the admin password is in the vault.\n@l3agent FYI";
    expect(findMentions(body)).toEqual([
      { userId: "l2agent", sentence: "@l2agent can you check the gateway logs?" },
      { userId: "l3agent", sentence: "@l3agent FYI" },
    ]);
    expect(findMentions("First line\nasks @manager to   look.\nThird")).toEqual([{ userId: "manager", sentence: "asks @manager to look." }]);
    expect(findMentions("Node v1.2 fails for @l2agent. Done")).toEqual([{ userId: "l2agent", sentence: "Node v1.2 fails for @l2agent." }]);
  });

  it("cuts a long sentence to the cap around the mention", () => {
    const long = `${"word ".repeat(100)}@l2agent ${"more ".repeat(100)}end.`;
    const [m] = findMentions(long);
    expect(m!.sentence.length).toBeLessThanOrEqual(MENTION_SENTENCE_MAX);
    expect(m!.sentence).toContain("@l2agent");
    expect(m!.sentence.startsWith("…")).toBe(true);
    expect(m!.sentence.endsWith("…")).toBe(true);
  });

  it("handles emoji, RTL text and NUL-free odd input without throwing", () => {
    expect(findMentions("🔥 @l2agent שלום")).toEqual([{ userId: "l2agent", sentence: "🔥 @l2agent שלום" }]);
    expect(findMentions("")).toEqual([]);
  });
});

describe("describeMentionReport", () => {
  it("says who was told and who was not, with why", () => {
    expect(describeMentionReport({ notified: ["l2agent"], notNotified: [{ userId: "C1001", reason: "a customer cannot see internal notes" }] })).toBe(
      "Told: l2agent. Not told: C1001 (a customer cannot see internal notes).",
    );
    expect(describeMentionReport({ notified: ["l2agent", "l3agent"], notNotified: [] })).toBe("Told: l2agent, l3agent.");
  });
});
