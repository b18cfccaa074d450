import type { Priority, TicketStatus, Tier } from "@/lib/db/generated/enums";

/** How customers read a ticket: plain words, never group names, agent names or internal codes. */
export const SUPPORT_LEVEL: Record<Tier, string> = {
  L1: "Level 1 support",
  L2: "Level 2 support",
  L3: "Level 3 support",
  L4: "Specialist team",
};

export const CUSTOMER_PRIORITY: Record<Priority, string> = {
  P1: "Critical",
  P2: "High",
  P3: "Medium",
  P4: "Low",
  P5: "Planning",
};

export const CUSTOMER_STATUS: Record<TicketStatus, string> = {
  NEW: "Received",
  ASSIGNED: "Assigned to an agent",
  IN_PROGRESS: "In progress",
  PENDING_CUSTOMER: "Waiting for your reply",
  PENDING_VENDOR: "With a specialist team",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

/** Statuses the portal's "Open" filter shows; the others are under "Resolved". */
export const CUSTOMER_OPEN_STATUSES: TicketStatus[] = ["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_VENDOR"];
