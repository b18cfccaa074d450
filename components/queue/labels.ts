import type { QueueTier, QueueView } from "@/lib/validation/queue";

/** The views' names; "all" is a manager looking across every tier. */
export function viewLabel(view: QueueView, tier: QueueTier): string {
  switch (view) {
    case "mine":
      return "Mine";
    case "unassigned":
      return tier === "all" ? "Unassigned" : "Unassigned in my groups";
    case "tier":
      return tier === "all" ? "All tiers" : "My tier";
    case "due-soon":
      return "Due soon";
    case "update-due":
      return "Customer update due";
    case "escalated":
      return tier === "all" ? "Escalated (24 h)" : "Escalated to me (24 h)";
  }
}

export const queueTitle = (tier: QueueTier) => (tier === "all" ? "All tiers queue" : `${tier} queue`);

export const ticketHref = (number: string) => `/queue/tickets/${number}`;
