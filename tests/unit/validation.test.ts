import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { DESCRIPTION_MAX, LIST_LIMIT_MAX, TITLE_MAX, ZCreateTicket, ZListTickets, ZTicketNumber } from "@/lib/validation/ticket";

const valid = { type: "INCIDENT", title: "Dashboard returns 500", description: "Since 09:10 every page load fails.", category: "platform" };

/** The field errors parseInput throws for `input`, or fails the test when it does not throw. */
function fieldErrors(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string[]> {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields ?? {};
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe("limits", () => {
  it("are 200 characters of title, 20,000 of description and 100 per page", () => {
    expect([TITLE_MAX, DESCRIPTION_MAX, LIST_LIMIT_MAX]).toEqual([200, 20_000, 100]);
  });
});

describe("ZCreateTicket", () => {
  it("accepts a minimal valid ticket without impact or urgency", () => {
    const result = ZCreateTicket.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(valid);
    expect(result.data?.impact).toBeUndefined();
    expect(result.data?.urgency).toBeUndefined();
  });

  it("accepts both ticket types and every impact and urgency", () => {
    for (const type of ["INCIDENT", "SERVICE_REQUEST"]) {
      for (const level of ["HIGH", "MEDIUM", "LOW"]) {
        const result = ZCreateTicket.safeParse({ ...valid, type, impact: level, urgency: level });
        expect(result.success).toBe(true);
        expect(result.data).toMatchObject({ type, impact: level, urgency: level });
      }
    }
  });

  it("trims title, description and category", () => {
    const result = ZCreateTicket.parse({
      ...valid,
      title: "   VPN drops every hour \n",
      description: "\n\t  It reconnects after a minute.  \n",
      category: "  network  ",
    });
    expect(result.title).toBe("VPN drops every hour");
    expect(result.description).toBe("It reconnects after a minute.");
    expect(result.category).toBe("network");
  });

  it("limits the title to 3–200 characters after trimming", () => {
    expect(ZCreateTicket.safeParse({ ...valid, title: "abc" }).success).toBe(true);
    expect(ZCreateTicket.safeParse({ ...valid, title: "x".repeat(200) }).success).toBe(true);
    expect(ZCreateTicket.safeParse({ ...valid, title: `   ${"x".repeat(200)}   ` }).success).toBe(true);
    expect(fieldErrors(ZCreateTicket, { ...valid, title: "x".repeat(201) })).toEqual({
      title: ["Keep the title within 200 characters."],
    });
    expect(fieldErrors(ZCreateTicket, { ...valid, title: "ab" })).toEqual({
      title: ["Enter a title of at least 3 characters."],
    });
    // Whitespace does not count towards the minimum.
    expect(fieldErrors(ZCreateTicket, { ...valid, title: "  ab   " })).toEqual({
      title: ["Enter a title of at least 3 characters."],
    });
  });

  it("limits the description to 1–20,000 characters after trimming", () => {
    expect(ZCreateTicket.safeParse({ ...valid, description: "x" }).success).toBe(true);
    expect(ZCreateTicket.safeParse({ ...valid, description: "x".repeat(20_000) }).success).toBe(true);
    expect(ZCreateTicket.safeParse({ ...valid, description: ` ${"x".repeat(20_000)}\n` }).success).toBe(true);
    expect(fieldErrors(ZCreateTicket, { ...valid, description: "x".repeat(20_001) })).toEqual({
      description: ["Keep the description within 20,000 characters."],
    });
    expect(fieldErrors(ZCreateTicket, { ...valid, description: " \n\t " })).toEqual({
      description: ["Describe what happened."],
    });
  });

  it("requires the category to be a slug of at most 64 characters", () => {
    expect(ZCreateTicket.safeParse({ ...valid, category: "a".repeat(64) }).success).toBe(true);
    expect(ZCreateTicket.safeParse({ ...valid, category: "l4-vendor-2" }).success).toBe(true);
    for (const category of ["a".repeat(65), "Platform", "plat form", "plat_form", "platform!", "über", ""]) {
      const errors = fieldErrors(ZCreateTicket, { ...valid, category });
      expect(Object.keys(errors), category).toEqual(["category"]);
      expect(errors.category!.length).toBeGreaterThan(0);
      for (const message of errors.category!) expect(message).toBe("Choose a category.");
    }
  });

  it("treats an empty string or null impact and urgency as not given", () => {
    const result = ZCreateTicket.parse({ ...valid, impact: "", urgency: "" });
    expect(result.impact).toBeUndefined();
    expect(result.urgency).toBeUndefined();
    const nulls = ZCreateTicket.parse({ ...valid, impact: null, urgency: null });
    expect(nulls.impact).toBeUndefined();
    expect(nulls.urgency).toBeUndefined();
  });

  it("rejects unknown enum values with the field's own message", () => {
    expect(fieldErrors(ZCreateTicket, { ...valid, type: "PROBLEM" })).toEqual({ type: ["Choose incident or service request."] });
    expect(fieldErrors(ZCreateTicket, { ...valid, type: "incident" })).toEqual({ type: ["Choose incident or service request."] });
    expect(fieldErrors(ZCreateTicket, { ...valid, impact: "high" })).toEqual({ impact: ["Choose how many people are affected."] });
    expect(fieldErrors(ZCreateTicket, { ...valid, impact: "CRITICAL" })).toEqual({
      impact: ["Choose how many people are affected."],
    });
    expect(fieldErrors(ZCreateTicket, { ...valid, urgency: "NOW" })).toEqual({ urgency: ["Choose how urgent it is."] });
    expect(fieldErrors(ZCreateTicket, { ...valid, urgency: " HIGH" })).toEqual({ urgency: ["Choose how urgent it is."] });
  });

  it("names every missing required field", () => {
    expect(fieldErrors(ZCreateTicket, {})).toEqual({
      type: ["Choose incident or service request."],
      title: ["Enter a title."],
      description: ["Describe what happened."],
      category: ["Choose a category."],
    });
  });

  it("rejects values of the wrong type", () => {
    expect(fieldErrors(ZCreateTicket, { ...valid, title: 12345 })).toEqual({ title: ["Enter a title."] });
    expect(fieldErrors(ZCreateTicket, { ...valid, description: ["a"] })).toEqual({ description: ["Describe what happened."] });
  });

  it("rejects unknown keys", () => {
    const result = ZCreateTicket.safeParse({ ...valid, priority: "P1" });
    expect(result.success).toBe(false);
    const errors = fieldErrors(ZCreateTicket, { ...valid, priority: "P1", status: "CLOSED" });
    expect(Object.keys(errors)).toEqual(["_"]);
    expect(errors._!.join(" ")).toContain("priority");
    expect(errors._!.join(" ")).toContain("status");
  });

  it("rejects input that is not an object", () => {
    for (const input of [null, undefined, "title", 42, [valid]]) {
      expect(ZCreateTicket.safeParse(input).success).toBe(false);
      expect(Object.keys(fieldErrors(ZCreateTicket, input))).toEqual(["_"]);
    }
  });
});

describe("ZListTickets", () => {
  it("accepts an empty query", () => {
    expect(ZListTickets.parse({})).toEqual({});
  });

  it("accepts tiers and statuses", () => {
    expect(ZListTickets.parse({ tier: "L2", status: "PENDING_VENDOR" })).toEqual({ tier: "L2", status: "PENDING_VENDOR" });
    expect(ZListTickets.parse({ tier: "L4" }).tier).toBe("L4");
  });

  it("rejects unknown tiers and statuses", () => {
    expect(fieldErrors(ZListTickets, { tier: "L5" })).toEqual({ tier: ["Unknown tier."] });
    expect(fieldErrors(ZListTickets, { tier: "l1" })).toEqual({ tier: ["Unknown tier."] });
    expect(fieldErrors(ZListTickets, { status: "OPEN" })).toEqual({ status: ["Unknown status."] });
  });

  it("treats empty strings as not given", () => {
    const result = ZListTickets.parse({ tier: "", status: "", cursor: "", limit: "" });
    expect(result.tier).toBeUndefined();
    expect(result.status).toBeUndefined();
    expect(result.cursor).toBeUndefined();
    expect(result.limit).toBeUndefined();
  });

  it("accepts a cursor from 1 to 2147483647 (an int4 ticket id) without a leading zero", () => {
    expect(ZListTickets.parse({ cursor: "1" }).cursor).toBe("1");
    expect(ZListTickets.parse({ cursor: "2147483647" }).cursor).toBe("2147483647");
    for (const cursor of ["0", "01", "2147483648", "9999999999", "12345678901", "-1", "1.5", "abc", " 1", "1e3"]) {
      expect(fieldErrors(ZListTickets, { cursor }), cursor).toEqual({ cursor: ["Invalid cursor."] });
    }
  });

  it("coerces the limit to a whole number from 1 to 100", () => {
    expect(ZListTickets.parse({ limit: "50" }).limit).toBe(50);
    expect(ZListTickets.parse({ limit: 1 }).limit).toBe(1);
    expect(ZListTickets.parse({ limit: "100" }).limit).toBe(100);
    expect(fieldErrors(ZListTickets, { limit: "101" })).toEqual({ limit: ["At most 100."] });
    for (const limit of ["0", "-5", "2.5", "abc"]) {
      const errors = fieldErrors(ZListTickets, { limit });
      expect(Object.keys(errors), limit).toEqual(["limit"]);
    }
  });

  it("rejects unknown keys", () => {
    expect(ZListTickets.safeParse({ customerId: "u-cust-2" }).success).toBe(false);
    expect(Object.keys(fieldErrors(ZListTickets, { customerId: "u-cust-2" }))).toEqual(["_"]);
  });
});

describe("ZTicketNumber", () => {
  it.each(["INC-000001", "REQ-000042", "INC-999999", "REQ-1234567", "INC-0000001"])("accepts %s", (number) => {
    expect(ZTicketNumber.safeParse(number).success).toBe(true);
  });

  it.each(["", "INC-00001", "inc-000001", "PRB-000001", "INC000001", "INC-000001 ", " INC-000001", "INC-00000A", "INC--000001", "INC-000001\n"])(
    "rejects %j",
    (number) => {
      expect(ZTicketNumber.safeParse(number).success).toBe(false);
    },
  );

  it("says what is wrong", () => {
    expect(fieldErrors(ZTicketNumber, "INC-1")).toEqual({ _: ["Not a ticket number."] });
  });
});

describe("parseInput", () => {
  it("returns the parsed data on success", () => {
    expect(parseInput(ZCreateTicket, { ...valid, title: "  Printer jammed  ", impact: "", urgency: "LOW" })).toEqual({
      ...valid,
      title: "Printer jammed",
      urgency: "LOW",
    });
    expect(parseInput(ZListTickets, { limit: "20" })).toEqual({ limit: 20 });
  });

  it("throws a 400 validation AppError with the messages keyed by field name", () => {
    let thrown: unknown;
    try {
      parseInput(ZCreateTicket, { ...valid, title: "ab", impact: "HUGE" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.name).toBe("AppError");
    expect(error.code).toBe("VALIDATION");
    expect(error.status).toBe(400);
    expect(error.message).toBe("Some fields are not valid.");
    expect(error.fields).toEqual({
      title: ["Enter a title of at least 3 characters."],
      impact: ["Choose how many people are affected."],
    });
    expect(error.toJSON()).toEqual({
      error: {
        code: "VALIDATION",
        message: "Some fields are not valid.",
        fields: {
          title: ["Enter a title of at least 3 characters."],
          impact: ["Choose how many people are affected."],
        },
      },
    });
  });

  it("keys errors without a path as _", () => {
    expect(fieldErrors(ZTicketNumber, 42)).toEqual({ _: [expect.any(String)] });
  });
});
