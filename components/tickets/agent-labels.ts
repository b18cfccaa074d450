import type { TicketEventType, TicketStatus } from "@/lib/db/generated/enums";

/** Status as staff call it (the portal's STATUS_LABEL speaks to the customer). */
export const AGENT_STATUS_LABEL: Record<TicketStatus, string> = {
  NEW: "New",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  PENDING_CUSTOMER: "Pending customer",
  PENDING_VENDOR: "Pending L4",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export const EVENT_LABEL: Record<TicketEventType, string> = {
  CREATED: "Opened",
  CLASSIFIED: "Classified",
  RECLASSIFIED: "Reclassified",
  ASSIGNED: "Assigned",
  CLAIMED: "Claimed",
  ESCALATED: "Escalated",
  RETURNED: "Returned",
  AUTO_ESCALATED: "Escalated automatically",
  ALERT: "Alert",
  STATUS_CHANGED: "Status changed",
  COMMENTED: "Comment",
  RATED: "Rated",
};
