import type { WebhookDeliveryStatus, WebhookEventType } from "@/lib/db/generated/enums";
import { WEBHOOK_EVENT_CODE } from "@/lib/validation/webhook-event-types";

/** An endpoint as admins see it; never its secret (shown once, at registration). */
export interface WebhookJson {
  id: string;
  url: string;
  description: string;
  /** Wire names: "ticket.created" … */
  events: string[];
  active: boolean;
  /** Events in a row whose delivery failed for good (at 8 the endpoint is disabled). */
  consecutiveFailures: number;
  disabledAt: string | null;
  /** Why it is disabled: by whom, or the failures that disabled it. */
  disabledReason: string | null;
  createdBy: { userId: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export const WEBHOOK_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { userId: true, name: true } },
} as const;

interface WebhookRow {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { userId: string; name: string };
}

export function webhookJson(row: WebhookRow): WebhookJson {
  return {
    ...row,
    events: row.events.map((e) => WEBHOOK_EVENT_CODE[e]),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdBy: { userId: row.createdBy.userId, name: row.createdBy.name },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One event's delivery to one endpoint, for the delivery log. */
export interface WebhookDeliveryJson {
  id: number;
  /** The Standard Webhooks `webhook-id`: the same on every attempt and redelivery. */
  webhookId: string;
  event: string;
  ticket: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseCode: number | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: string;
  /** When the next attempt is due (a waiting delivery). */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}
