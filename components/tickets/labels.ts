import type { Priority, TicketStatus, TicketType } from "@/lib/db/generated/enums";

export const STATUS_LABEL: Record<TicketStatus, string> = {
  NEW: "New",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  PENDING_CUSTOMER: "Waiting for you",
  PENDING_VENDOR: "With a specialist team",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export const TYPE_LABEL: Record<TicketType, string> = { INCIDENT: "Incident", SERVICE_REQUEST: "Service request" };

export const PRIORITY_TONE: Record<Priority, "red" | "amber" | "blue" | "slate"> = {
  P1: "red",
  P2: "amber",
  P3: "blue",
  P4: "slate",
  P5: "slate",
};

/** "3 h", "2 d": how long ago, for tables; the exact time goes in the title attribute. */
export function formatAge(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
