import type { TicketStatus } from "@/lib/db/generated/enums";

/** How customers read a ticket: plain words, never group names, agent names or internal codes (from lib/labels.ts). */
export {
  CUSTOMER_SUPPORT_LEVEL_LABEL as SUPPORT_LEVEL,
  CUSTOMER_PRIORITY_LABEL as CUSTOMER_PRIORITY,
  CUSTOMER_STATUS_LABEL as CUSTOMER_STATUS,
} from "@/lib/labels";

/** Statuses the portal's "Open" filter shows; the others are under "Resolved". */
export const CUSTOMER_OPEN_STATUSES: TicketStatus[] = ["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_VENDOR"];
