import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";

export const IMPACTS: Impact[] = ["HIGH", "MEDIUM", "LOW"];
export const URGENCIES: Urgency[] = ["HIGH", "MEDIUM", "LOW"];
export const PRIORITIES: Priority[] = ["P1", "P2", "P3", "P4", "P5"];

export { LEVEL_LABEL } from "@/lib/labels";

/** Minutes as every duration reads: 90 → "1 h 30 min", 2400 → "1 d 16 h". */
export { formatMinutes } from "@/lib/format/duration";
