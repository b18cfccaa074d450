// A ticket's decision log read as the replay's steps: what people did, and the sweep's escalations as
// hints of when it ran. The events that only place a ticket within a move (the ASSIGNED that follows
// an automatic escalation) are left out: the replay places the ticket itself.
import type { Impact, TicketEventType, TicketStatus, Tier, Urgency } from "@/lib/db/generated/enums";
import type { ReplayHistory, ReplayStep } from "./replay";

/** One event, with only the fields the replay reads. */
export interface ReplayEventRow {
  type: TicketEventType;
  createdAt: Date;
  fromTier: Tier | null;
  toTier: Tier | null;
  toGroup: string | null;
  /** STATUS_CHANGED: the status it went to. */
  toStatus: string | null;
  /** RECLASSIFIED: impact and urgency before and after. */
  fromImpact: string | null;
  fromUrgency: string | null;
  toImpact: string | null;
  toUrgency: string | null;
  /** AUTO_ESCALATED: when the spent budget ended. */
  budgetEndedAt: string | null;
  /** VENDOR_RESPONDED: when the vendor responded (recorded after the fact, it may be earlier than the event). */
  respondedAt: string | null;
}

export interface ReplayTicketRow {
  id: number;
  number: string;
  createdAt: Date;
  impact: Impact;
  urgency: Urgency;
  organizationId: string | null;
  categoryL2Group: string | null;
}

/** The history of one ticket from its row and its events (oldest first); COMMENTED events are the staff's public replies only. */
export function replayHistoryOf(ticket: ReplayTicketRow, events: ReplayEventRow[]): ReplayHistory {
  const history: ReplayHistory = { ...ticket, tier: "L1", group: "", steps: [] };
  const firstReclassification = events.find((e) => e.type === "RECLASSIFIED");
  if (firstReclassification?.fromImpact && firstReclassification.fromUrgency) {
    history.impact = firstReclassification.fromImpact as Impact;
    history.urgency = firstReclassification.fromUrgency as Urgency;
  }
  const autoEscalatedAt = new Set(events.filter((e) => e.type === "AUTO_ESCALATED").map((e) => e.createdAt.getTime()));
  const steps: ReplayStep[] = history.steps;
  for (const e of events) {
    const at = e.createdAt;
    switch (e.type) {
      case "CREATED":
        history.tier = e.toTier ?? "L1";
        history.group = e.toGroup ?? "";
        break;
      case "STATUS_CHANGED":
        if (e.toStatus) steps.push({ at, kind: "status", to: e.toStatus as TicketStatus });
        break;
      case "COMMENTED":
        steps.push({ at, kind: "reply" });
        break;
      case "ESCALATED":
      case "RETURNED":
        if (e.toTier && e.toGroup) steps.push({ at, kind: "move", tier: e.toTier, group: e.toGroup, resumes: true, escalation: e.type === "ESCALATED" });
        break;
      case "ASSIGNED":
        if (e.toTier && e.toGroup && !autoEscalatedAt.has(at.getTime()))
          steps.push({ at, kind: "move", tier: e.toTier, group: e.toGroup, resumes: e.fromTier === "L4", escalation: false });
        break;
      case "AUTO_ESCALATED":
        if (e.fromTier && e.budgetEndedAt) steps.push({ at, kind: "auto-escalated", from: e.fromTier, budgetEndedAt: new Date(e.budgetEndedAt) });
        break;
      case "VENDOR_RESPONDED":
        steps.push({ at, kind: "vendor-responded", respondedAt: e.respondedAt ? new Date(e.respondedAt) : at });
        break;
      case "RECLASSIFIED":
        if (e.toImpact && e.toUrgency) steps.push({ at, kind: "reclassify", impact: e.toImpact as Impact, urgency: e.toUrgency as Urgency });
        break;
    }
  }
  return history;
}
