import { describe, expect, it } from "vitest";
import { webhookEventOf } from "@/lib/webhooks/event-mapping";
import { MAPPING_CASES } from "../fixtures/webhook-mapping-cases";

describe("which webhook event a ticket event is", () => {
  it.each(MAPPING_CASES)("%s", (_name, event, expected) => {
    expect(webhookEventOf(event)).toBe(expected);
  });
});
