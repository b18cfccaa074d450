import type { TicketType } from "@/lib/db/generated/enums";

export const TICKET_PREFIX: Record<TicketType, string> = { INCIDENT: "INC", SERVICE_REQUEST: "REQ" };

export function formatTicketNumber(type: TicketType, sequence: number): string {
  return `${TICKET_PREFIX[type]}-${String(sequence).padStart(6, "0")}`;
}
