import type { QueueColumn } from "@/lib/validation/queue-preferences";
import type { QueueSort } from "@/lib/validation/queue";

/** Each optional column: its header, its fixed width (the table never grows for its content) and the sort it offers. */
export const COLUMN_META: Record<QueueColumn, { header: string; width: string; sort?: QueueSort }> = {
  priority: { header: "Priority", width: "w-[4.5rem]", sort: "priority" },
  tier: { header: "Tier", width: "w-12" },
  status: { header: "Status", width: "w-28" },
  customer: { header: "Customer", width: "w-44" },
  assignee: { header: "Assignee", width: "w-28" },
  "first-response": { header: "First response", width: "w-28", sort: "first-response" },
  "tier-budget": { header: "Tier budget", width: "w-28", sort: "tier-budget" },
  resolution: { header: "Resolution", width: "w-28", sort: "resolution" },
  updated: { header: "Updated", width: "w-24", sort: "updated" },
  age: { header: "Age", width: "w-[4.5rem]", sort: "age" },
};

/** "Name · Organization" on one line; the title attribute adds the user ID. */
export function customerLine(customer: { userId: string; name: string; organization: string | null }): { text: string; full: string } {
  const text = customer.organization ? `${customer.name} · ${customer.organization}` : customer.name;
  return { text, full: customer.organization ? `${customer.name} (${customer.userId}) · ${customer.organization}` : `${customer.name} (${customer.userId})` };
}
