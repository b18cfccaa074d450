import type { Impact, Urgency } from "@/lib/db/generated/enums";

export const IMPACT_LABEL: Record<Impact, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };
export const URGENCY_LABEL: Record<Urgency, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

/** How a customer describes impact and urgency in plain words. */
export const IMPACT_CUSTOMER_LABEL: Record<Impact, string> = {
  HIGH: "Many people or the whole organization",
  MEDIUM: "A team or several people",
  LOW: "Just me",
};

export const URGENCY_CUSTOMER_LABEL: Record<Urgency, string> = {
  HIGH: "Work has stopped",
  MEDIUM: "Work is slowed down",
  LOW: "It can wait",
};
