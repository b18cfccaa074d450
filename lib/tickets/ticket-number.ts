import type { TicketType } from "@/lib/db/generated/enums";

export const TICKET_PREFIX: Record<TicketType, string> = { INCIDENT: "INC", SERVICE_REQUEST: "REQ" };

export function formatTicketNumber(type: TicketType, sequence: number): string {
  return `${TICKET_PREFIX[type]}-${String(sequence).padStart(6, "0")}`;
}

/** The PostgreSQL sequence each type takes its numbers from (migration ticket_number_sequences). */
export const NUMBER_SEQUENCE: Record<TicketType, string> = {
  INCIDENT: "ticket_number_incident",
  SERVICE_REQUEST: "ticket_number_service_request",
};
