// The webhook delivery worker, built like the mail outbox's (lib/mail/deliver-outbox.ts). Each run claims
// due deliveries of active endpoints by setting a lease in one atomic statement (FOR UPDATE SKIP LOCKED
// inside it), so two workers never hold the same row: each event reaches each endpoint once. A claimed row
// is sent, then marked by the worker whose lease it still carries: SUCCEEDED on a 2xx, else retried after
// a back-off, FAILED after the last attempt. Every attempt leaves a WebhookAttempt row (the delivery log).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { privateAddressesAllowed } from "./address-policy";
import { DISABLE_AFTER_FAILED_EVENTS, MAX_WEBHOOK_ATTEMPTS, webhookBackoffSeconds } from "./retry-schedule";
import { sendWebhook, WEBHOOK_TIMEOUT_MS, type WebhookResponse } from "./send-webhook";
import { webhookSignature } from "./signature";
import { storePayloadsSql } from "./webhook-payload.sql";

// Longer than a batch can take (its requests run side by side, each within the timeout).
const LEASE_SECONDS = 300;
const BATCH = 10;

export interface WebhookDeliveryResult {
  succeeded: number;
  retried: number;
  failed: number;
  /** Endpoints this run disabled: their last events all failed for good. */
  disabled: number;
}

export interface WebhookDeliveryOptions {
  now?: Date;
  /** Default: WEBHOOK_ALLOW_PRIVATE=1. */
  allowPrivate?: boolean;
  timeoutMs?: number;
}

interface ClaimedDelivery {
  id: number;
  endpointId: string;
  messageId: string;
  attempts: number;
  leasedUntil: Date;
  payload: unknown;
  url: string;
  secret: string;
}

export async function deliverWebhooks(options: WebhookDeliveryOptions = {}): Promise<WebhookDeliveryResult> {
  const now = options.now ?? new Date();
  const allowPrivate = options.allowPrivate ?? privateAddressesAllowed();
  const leasedUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const claimedIds = await db().$queryRaw<{ id: number }[]>`
    UPDATE "WebhookDelivery" SET "leasedUntil" = ${leasedUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" w ON w."id" = d."endpointId" AND w."active"
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now} AND (d."leasedUntil" IS NULL OR d."leasedUntil" <= ${now})
      ORDER BY d."nextAttemptAt", d."id"
      LIMIT ${BATCH}
      FOR UPDATE OF d SKIP LOCKED)
    RETURNING "id"`;
  const result: WebhookDeliveryResult = { succeeded: 0, retried: 0, failed: 0, disabled: 0 };
  if (!claimedIds.length) return result;
  const ids = claimedIds.map((c) => c.id);
  await db().$executeRaw(storePayloadsSql(ids));
  const claimed = await db().$queryRaw<ClaimedDelivery[]>`
    SELECT d."id", d."endpointId", d."messageId", d."attempts", d."leasedUntil", d."payload", w."url", w."secret"
    FROM "WebhookDelivery" d JOIN "WebhookEndpoint" w ON w."id" = d."endpointId"
    WHERE d."id" IN (${Prisma.join(ids)}) AND d."leasedUntil" = ${leasedUntil}`;

  await Promise.all(
    claimed.map(async (delivery) => {
      const response = await attempt(delivery, now, allowPrivate, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
      const outcome = await recordAttempt(delivery, response, now);
      if (outcome) result[outcome === "disabled" ? "failed" : outcome]++;
      if (outcome === "disabled") result.disabled++;
    }),
  );
  return result;
}

async function attempt(delivery: ClaimedDelivery, now: Date, allowPrivate: boolean, timeoutMs: number): Promise<WebhookResponse> {
  if (delivery.payload === null) return { status: null, durationMs: 0, error: "The event of this delivery no longer exists: nothing to send." };
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  return sendWebhook({
    url: delivery.url,
    body,
    allowPrivate,
    timeoutMs,
    headers: {
      "content-type": "application/json",
      "user-agent": "Tierdesk-Webhooks/1",
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": webhookSignature(delivery.secret, delivery.messageId, timestamp, body),
    },
  });
}

const succeeded = (response: WebhookResponse) => response.status !== null && response.status >= 200 && response.status < 300;

/** Marks the delivery (only while this worker's lease is on it) and logs the attempt, in one transaction. */
async function recordAttempt(delivery: ClaimedDelivery, response: WebhookResponse, now: Date): Promise<"succeeded" | "retried" | "failed" | "disabled" | null> {
  const ok = succeeded(response);
  const gaveUp = !ok && delivery.attempts >= MAX_WEBHOOK_ATTEMPTS;
  const error = ok ? null : (response.error ?? `The endpoint answered ${response.status}.`).slice(0, 1_000);
  return db().$transaction(async (tx) => {
    const marked = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, leasedUntil: delivery.leasedUntil },
      data: {
        status: ok ? "SUCCEEDED" : gaveUp ? "FAILED" : "PENDING",
        leasedUntil: null,
        lastResponseCode: response.status,
        lastDurationMs: response.durationMs,
        lastError: error,
        ...(ok ? { deliveredAt: now } : { nextAttemptAt: new Date(now.getTime() + webhookBackoffSeconds(delivery.attempts) * 1000) }),
      },
    });
    if (!marked.count) return null;
    await tx.webhookAttempt.create({
      data: { deliveryId: delivery.id, attempt: delivery.attempts, startedAt: now, durationMs: response.durationMs, responseCode: response.status, error },
    });
    if (ok) {
      await tx.webhookEndpoint.updateMany({ where: { id: delivery.endpointId, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
      return "succeeded";
    }
    if (!gaveUp) return "retried";
    const reason = `Disabled automatically: the last ${DISABLE_AFTER_FAILED_EVENTS} events could not be delivered after ${MAX_WEBHOOK_ATTEMPTS} attempts each. Last error: ${error}`;
    const [endpoint] = await tx.$queryRaw<{ disabledNow: boolean }[]>`
      UPDATE "WebhookEndpoint" w SET
        "consecutiveFailures" = w."consecutiveFailures" + 1,
        "active" = w."active" AND w."consecutiveFailures" + 1 < ${DISABLE_AFTER_FAILED_EVENTS},
        "disabledAt" = CASE WHEN w."active" AND w."consecutiveFailures" + 1 >= ${DISABLE_AFTER_FAILED_EVENTS} THEN ${now} ELSE w."disabledAt" END,
        "disabledReason" = CASE WHEN w."active" AND w."consecutiveFailures" + 1 >= ${DISABLE_AFTER_FAILED_EVENTS} THEN ${reason} ELSE w."disabledReason" END
      WHERE w."id" = ${delivery.endpointId}
      RETURNING (w."disabledAt" = ${now} AND NOT w."active") AS "disabledNow"`;
    return endpoint?.disabledNow ? "disabled" : "failed";
  });
}
