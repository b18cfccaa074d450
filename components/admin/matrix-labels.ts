import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";

export const IMPACTS: Impact[] = ["HIGH", "MEDIUM", "LOW"];
export const URGENCIES: Urgency[] = ["HIGH", "MEDIUM", "LOW"];
export const PRIORITIES: Priority[] = ["P1", "P2", "P3", "P4", "P5"];

export const LEVEL_LABEL: Record<Impact | Urgency, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

/** Minutes as a short duration: 90 → "1 h 30 min", 2400 → "40 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
