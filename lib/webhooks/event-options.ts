import type { WebhookEventType } from "@/lib/db/generated/enums";
import { WEBHOOK_EVENT_LABEL } from "@/lib/labels";
import { WEBHOOK_EVENT_CODE } from "@/lib/validation/webhook-event-types";

/** The events an endpoint can hear, as the form offers them: wire name and words. */
export const WEBHOOK_EVENT_OPTIONS = (Object.keys(WEBHOOK_EVENT_CODE) as WebhookEventType[]).map((type) => ({ code: WEBHOOK_EVENT_CODE[type], label: WEBHOOK_EVENT_LABEL[type] }));

/** Wire name → words, for lists that show events. */
export const WEBHOOK_EVENT_LABEL_BY_CODE: Record<string, string> = Object.fromEntries(WEBHOOK_EVENT_OPTIONS.map((o) => [o.code, o.label]));
