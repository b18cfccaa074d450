import type { WebhookEventType } from "@/lib/db/generated/enums";

/** An event type as endpoints receive and subscribe to it ("ticket.created"), and back. */
export const WEBHOOK_EVENT_CODE: Record<WebhookEventType, string> = {
  TICKET_CREATED: "ticket.created",
  TICKET_ASSIGNED: "ticket.assigned",
  TICKET_ESCALATED: "ticket.escalated",
  TICKET_RETURNED: "ticket.returned",
  TICKET_RESOLVED: "ticket.resolved",
  TICKET_CLOSED: "ticket.closed",
  SLA_ALERT: "sla.alert",
  MAJOR_INCIDENT_UPDATED: "major_incident.updated",
};

export const WEBHOOK_EVENT_BY_CODE = Object.fromEntries(
  Object.entries(WEBHOOK_EVENT_CODE).map(([type, code]) => [code, type as WebhookEventType]),
) as Record<string, WebhookEventType>;
