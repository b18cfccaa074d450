import { describe, expect, it } from "vitest";
import { NO_SUBJECT, NO_TEXT, newTicketDescription, newTicketInput, newTicketTitle, subjectTicketNumber } from "@/lib/inbound/new-ticket-input";
import { DESCRIPTION_MAX, IDEMPOTENCY_KEY, TITLE_MAX } from "@/lib/validation/ticket";

describe("newTicketInput", () => {
  it("makes the subject a one-line title, with a fallback when there is none", () => {
    expect(newTicketTitle("  Printer\toffline\r\n on floor 3 ")).toBe("Printer offline on floor 3");
    expect(newTicketTitle(null)).toBe(NO_SUBJECT);
    expect(newTicketTitle(" \u0000 ")).toBe(NO_SUBJECT);
    expect(newTicketTitle("Hi")).toBe("Mail: Hi");
  });

  it("cuts the title to its limit without splitting a character", () => {
    expect(newTicketTitle("x".repeat(500))).toHaveLength(TITLE_MAX);
    const title = newTicketTitle(`${"x".repeat(TITLE_MAX - 1)}😀 more`);
    expect(title).toBe("x".repeat(TITLE_MAX - 1));
  });

  it("describes with the stripped text, else the full text, cleaned and cut; a fallback when there is none", () => {
    expect(newTicketDescription({ strippedText: "Offline.", fullText: "Offline.\n> quoted" })).toBe("Offline.");
    expect(newTicketDescription({ strippedText: "", fullText: "Only\u0000 quoted" })).toBe("Only quoted");
    expect(newTicketDescription({ strippedText: "", fullText: "" })).toBe(NO_TEXT);
    const long = newTicketDescription({ strippedText: "y".repeat(DESCRIPTION_MAX + 10), fullText: "" });
    expect(long).toHaveLength(DESCRIPTION_MAX);
    expect(long).toContain("[…cut");
  });

  it("is an incident in the category given, keyed by the Message-ID", () => {
    const mail = { messageId: "<a@b>", subject: "Down", strippedText: "It is down.", fullText: "It is down." };
    const input = newTicketInput(mail, "platform");
    expect(input).toMatchObject({ type: "INCIDENT", title: "Down", description: "It is down.", category: "platform" });
    expect(input.idempotencyKey).toMatch(IDEMPOTENCY_KEY);
    expect(newTicketInput({ ...mail, subject: "Other" }, "platform").idempotencyKey).toBe(input.idempotencyKey);
    expect(newTicketInput({ ...mail, messageId: "<c@d>" }, "platform").idempotencyKey).not.toBe(input.idempotencyKey);
  });

  it("finds the ticket number a subject names in brackets, as our mails' subjects do", () => {
    expect(subjectTicketNumber("Re: [INC-000123] Printer offline")).toBe("INC-000123");
    expect(subjectTicketNumber("AW: [req-0001234] Access")).toBe("REQ-0001234");
    expect(subjectTicketNumber("INC-000123 without brackets")).toBeNull();
    expect(subjectTicketNumber("[INC-123] too short")).toBeNull();
    expect(subjectTicketNumber(null)).toBeNull();
  });
});
