import { describe, expect, it } from "vitest";
import { parseLiveChange } from "@/lib/live/change";
import { sseComment, sseFrame } from "@/lib/live/sse";

// As the trigger live_ticket_event writes it (json_build_object's spacing included).
const EVENT_PAYLOAD =
  '{"k" : "event", "id" : 12, "type" : "ESCALATED", "rule" : "escalate.manual", "visibility" : null, "actor" : "0b7e", "actorName" : "Lena First", ' +
  '"ticket" : 3, "number" : "INC-000003", "customer" : "9f1c", "version" : 5, "status" : "ASSIGNED", "tiers" : ["L1", "L2", "L2"], ' +
  '"groups" : ["service-desk", "platform-support", "platform-support"], "assignees" : ["l1agent", "l2agent", "l2agent"]}';

describe("NOTIFY payloads", () => {
  it("read a ticket event with its routing facts", () => {
    expect(parseLiveChange(EVENT_PAYLOAD)).toMatchObject({ k: "event", id: 12, type: "ESCALATED", number: "INC-000003", version: 5, tiers: ["L1", "L2", "L2"] });
  });

  it("read notifications, presence, users, sessions and tokens", () => {
    expect(parseLiveChange('{"k" : "notification", "id" : 4, "to" : "u1", "ticket" : 3}')).toEqual({ k: "notification", id: 4, to: "u1", ticket: 3 });
    expect(parseLiveChange('{"k" : "presence", "number" : "INC-000003", "user" : "u1"}')).toEqual({ k: "presence", number: "INC-000003", user: "u1" });
    expect(parseLiveChange('{"k" : "user", "id" : "u1"}')).toEqual({ k: "user", id: "u1" });
    expect(parseLiveChange('{"k" : "session", "sid" : "s1"}')).toEqual({ k: "session", sid: "s1" });
    expect(parseLiveChange('{"k" : "token", "id" : "t1"}')).toEqual({ k: "token", id: "t1" });
  });

  it("read anything else as nothing, never throwing", () => {
    for (const payload of ["", "not json", "null", "[]", '{"k":"event"}', '{"k":"other","id":"1"}', EVENT_PAYLOAD.replace('"ESCALATED"', '"FLEW_AWAY"'), '{"k":"user","id":""}']) {
      expect(parseLiveChange(payload)).toBeNull();
    }
  });
});

describe("SSE frames", () => {
  it("write each field on its line and end with a blank line; data is one line of JSON", () => {
    expect(sseFrame({ event: "ticket", id: "a-1", data: { text: "two\nlines" } })).toBe('event: ticket\nid: a-1\ndata: {"text":"two\\nlines"}\n\n');
    expect(sseFrame({ retry: 3000 })).toBe("retry: 3000\n\n");
    expect(sseComment("heart\nbeat")).toBe(": heart beat\n\n");
  });
});
