import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { BACKOFF_CAP_SECONDS, MAX_WEBHOOK_ATTEMPTS, webhookBackoffSeconds } from "@/lib/webhooks/retry-schedule";
import { newWebhookSecret, webhookSignature } from "@/lib/webhooks/signature";

describe("Standard Webhooks signatures", () => {
  it("verify with the standardwebhooks library, and fail for another body, id, timestamp or secret", () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: "ticket.created", data: { ticket: { number: "INC-000001", title: "Ünïcode ✓" } } });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { "webhook-id": "msg_evt_42", "webhook-timestamp": String(timestamp), "webhook-signature": webhookSignature(secret, "msg_evt_42", timestamp, body) };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("INC-000001", "INC-000002"), headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_evt_43" })).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-timestamp": String(timestamp + 1) })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("gives the library's own signature for the same input", () => {
    const secret = newWebhookSecret();
    const at = new Date("2026-12-01T10:00:00Z");
    expect(webhookSignature(secret, "msg_1", at.getTime() / 1000, "{}")).toBe(new Webhook(secret).sign("msg_1", at, "{}"));
  });

  it("makes secrets of 32 random bytes, each different", () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe("the retry schedule", () => {
  it("waits 30 s after the first failure, doubling, never more than an hour, over 8 attempts", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(webhookBackoffSeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(BACKOFF_CAP_SECONDS).toBe(3600);
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(8);
  });
});
