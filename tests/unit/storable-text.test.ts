import { describe, expect, it } from "vitest";
import { ZAuditQuery } from "@/lib/validation/admin";
import { INT4_MAX, idCursor, positiveInt4 } from "@/lib/validation/int4";
import { ZQueueQuery } from "@/lib/validation/queue";
import { ZCreateTicket, ZListTickets } from "@/lib/validation/ticket";
import { NUL_MESSAGE, storableString } from "@/lib/validation/text";

describe("storableString", () => {
  it("refuses a NUL byte anywhere, with a message that says why", () => {
    for (const text of ["\u0000", "a\u0000", "\u0000b", "a\u0000b"]) {
      const result = storableString().safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([NUL_MESSAGE]);
    }
  });

  it("accepts emoji, right-to-left scripts, other control characters and the empty string", () => {
    for (const text of ["😀 مرحبا", "שלום ‏עולם", "👩‍👩‍👧 family", "tab\tnew\nline", ""]) expect(storableString().parse(text)).toBe(text);
  });

  it("names the field in a schema built on it", () => {
    const result = ZCreateTicket.safeParse({ type: "INCIDENT", title: "Printer\u0000", description: "ok", category: "access" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["title"], message: NUL_MESSAGE })]);
  });
});

describe("int4 cursors and versions", () => {
  it("accepts 1 … 2147483647 and refuses 0, 2147483648 and longer digit strings", () => {
    expect(idCursor().parse(String(INT4_MAX))).toBe("2147483647");
    expect(idCursor().parse("1")).toBe("1");
    for (const bad of ["0", "2147483648", "9999999999", "01", "-1", "1.5", "1\u0000"]) expect(idCursor().safeParse(bad).success, bad).toBe(false);
    expect(positiveInt4("v").safeParse(INT4_MAX).success).toBe(true);
    expect(positiveInt4("v").safeParse(INT4_MAX + 1).success).toBe(false);
    expect(positiveInt4("v", true).safeParse("2147483648").success).toBe(false);
  });

  it("bounds every list's cursor", () => {
    expect(ZListTickets.safeParse({ cursor: "2147483648" }).error?.issues[0]?.path).toEqual(["cursor"]);
    expect(ZQueueQuery.safeParse({ cursor: "priority.asc.P1.2147483648" }).error?.issues[0]?.path).toEqual(["cursor"]);
    expect(ZQueueQuery.safeParse({ cursor: "priority.asc.P1.2147483647" }).success).toBe(true);
    expect(ZAuditQuery.safeParse({ cursor: "2147483648" }).error?.issues[0]?.path).toEqual(["cursor"]);
  });
});
