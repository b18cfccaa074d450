import type { TicketEventType, WebhookEventType } from "@/lib/db/generated/enums";

export interface MappedTicketEvent {
  type: TicketEventType;
  inputs: unknown;
  /** The number of the ticket the event is written on. */
  ticketNumber: string;
}

const field = (inputs: unknown, key: string): unknown => (inputs && typeof inputs === "object" && !Array.isArray(inputs) ? (inputs as Record<string, unknown>)[key] : undefined);

/**
 * Which webhook event a ticket event is, or null. The database decides the same in its trigger
 * ("webhook_event_type", prisma/migrations/*_webhook_enqueue); tests hold the two to the same answer.
 */
export function webhookEventOf(event: MappedTicketEvent): WebhookEventType | null {
  switch (event.type) {
    case "CREATED":
      return "TICKET_CREATED";
    case "ASSIGNED":
    case "CLAIMED":
      return "TICKET_ASSIGNED";
    case "ESCALATED":
    case "AUTO_ESCALATED":
      return "TICKET_ESCALATED";
    case "RETURNED":
      return "TICKET_RETURNED";
    case "STATUS_CHANGED": {
      const to = field(event.inputs, "to");
      return to === "RESOLVED" ? "TICKET_RESOLVED" : to === "CLOSED" ? "TICKET_CLOSED" : null;
    }
    case "ALERT":
      return "SLA_ALERT";
    case "MAJOR_INCIDENT_DECLARED":
      return "MAJOR_INCIDENT_UPDATED";
    // Written on the child and on the parent: the parent's is the major incident's update.
    case "CHILD_ATTACHED":
    case "CHILD_DETACHED":
      return field(event.inputs, "parent") === event.ticketNumber ? "MAJOR_INCIDENT_UPDATED" : null;
    // A public update on a major incident: the parent's event counts the copies made for its children.
    case "COMMENTED":
      return field(event.inputs, "copiedToChildren") !== undefined ? "MAJOR_INCIDENT_UPDATED" : null;
    default:
      return null;
  }
}
