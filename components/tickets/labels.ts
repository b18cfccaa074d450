import { formatMilliseconds } from "@/lib/format/duration";
import type { Priority } from "@/lib/db/generated/enums";

/** Staff wording, from the one label map (the portal reads lib/tickets/core/customer-labels.ts). */
export { STATUS_LABEL, TYPE_LABEL } from "@/lib/labels";

export const PRIORITY_TONE: Record<Priority, "red" | "amber" | "blue" | "slate"> = {
  P1: "red",
  P2: "amber",
  P3: "blue",
  P4: "slate",
  P5: "slate",
};

/** How long ago, as every duration reads ("1 d 8 h"); a time in the future (clock skew) reads "0 s". */
export function formatAge(from: Date, now: Date): string {
  return formatMilliseconds(Math.max(0, now.getTime() - from.getTime()));
}
