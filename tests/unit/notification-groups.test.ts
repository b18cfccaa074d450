import { describe, expect, it } from "vitest";
import { groupByTicket } from "@/lib/notifications/group-by-ticket";

const item = (id: number, number: string) => ({ id, ticket: { number, title: `Title of ${number}` } });

describe("the bell groups notifications by ticket", () => {
  it("puts each ticket once, where its newest notification stands, with all of its notifications under it, newest first", () => {
    const groups = groupByTicket([item(9, "INC-000002"), item(8, "INC-000001"), item(7, "INC-000002"), item(6, "INC-000003"), item(5, "INC-000001")]);
    expect(groups.map((g) => [g.ticket.number, g.items.map((i) => i.id)])).toEqual([
      ["INC-000002", [9, 7]],
      ["INC-000001", [8, 5]],
      ["INC-000003", [6]],
    ]);
    expect(groups[0]!.ticket).toEqual({ number: "INC-000002", title: "Title of INC-000002" });
  });

  it("keeps an empty list empty and a lone notification a group of one", () => {
    expect(groupByTicket([])).toEqual([]);
    expect(groupByTicket([item(1, "REQ-000001")])).toEqual([{ ticket: { number: "REQ-000001", title: "Title of REQ-000001" }, items: [item(1, "REQ-000001")] }]);
  });
});
