import type { L4Kind, TicketEventType, Tier } from "@/lib/db/generated/enums";

/** What a hand-off is: a move up by hand or by the budget sweep, a return with guidance, or the L4 group's reply. */
export type HandoffKind = "ESCALATION" | "AUTO_ESCALATION" | "L4_HANDOFF" | "RETURN" | "L4_REPLY";

export interface HandoffGroup {
  slug: string;
  name: string;
  l4Kind: L4Kind | null;
}

/** One hand-off as the ticket page's card and the events API show it (staff only). */
export interface HandoffJson {
  kind: HandoffKind;
  /** Who handed it on; null when the sweep did. For an L4 reply, who recorded it (the vendor's words are `summary`). */
  by: { userId: string; name: string } | null;
  from: { tier: Tier; group: HandoffGroup | null };
  to: { tier: Tier; group: HandoffGroup | null; assignee: string | null };
  /** Why it moved: the escalation's reason, or the sweep's sentence. Null for a return (its guidance is the summary). */
  reason: string | null;
  /** Markdown: the escalation summary, the return's guidance, or the vendor's or team's reply. */
  summary: string | null;
  /** The SOP steps the escalating agent ticked. */
  stepsDone: string[];
  /** The L4 group's reference (their case or ticket). */
  externalReference: string | null;
  /** Required SOP steps still open when L1 handed on (by override, or by the budget sweep). */
  openRequiredSteps: string[];
  /** Why L1 escalated with required SOP steps open (rule escalate.sop-override). */
  sopOverride: string | null;
}

/** The fields of a TicketEvent a hand-off is read from. */
export interface HandoffEvent {
  type: TicketEventType;
  rule: string | null;
  inputs: unknown;
  explanation: string;
  actor: { userId: string; name: string } | null;
  fromTier: Tier | null;
  toTier: Tier | null;
  fromGroup: string | null;
  toGroup: string | null;
  toAssignee: string | null;
}

export const HANDOFF_EVENT_TYPES: TicketEventType[] = ["ESCALATED", "AUTO_ESCALATED", "RETURNED"];

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * The hand-off an event records, or null for any other event. `groups` names the groups by slug;
 * `lastReference` is the reference of the latest L4 hand-off before it (replies recorded before the
 * reply stored its own reference).
 */
export function handoffOf(event: HandoffEvent, groups: ReadonlyMap<string, HandoffGroup>, lastReference: string | null = null): HandoffJson | null {
  if (!HANDOFF_EVENT_TYPES.includes(event.type) || !event.fromTier || !event.toTier) return null;
  const inputs = (event.inputs ?? {}) as Record<string, unknown>;
  const group = (slug: string | null) => (slug ? (groups.get(slug) ?? { slug, name: slug, l4Kind: null }) : null);
  const base = {
    by: event.actor ? { userId: event.actor.userId, name: event.actor.name } : null,
    from: { tier: event.fromTier, group: group(event.fromGroup) },
    to: { tier: event.toTier, group: group(event.toGroup), assignee: event.toAssignee },
  };
  if (event.type === "RETURNED") {
    const fromL4 = event.fromTier === "L4";
    return {
      ...base,
      kind: fromL4 ? "L4_REPLY" : "RETURN",
      reason: null,
      summary: text(inputs.guidance),
      stepsDone: [],
      externalReference: fromL4 ? (text(inputs.externalReference) ?? lastReference) : null,
      openRequiredSteps: [],
      sopOverride: null,
    };
  }
  if (event.type === "AUTO_ESCALATED") {
    return {
      ...base,
      kind: "AUTO_ESCALATION",
      reason: event.explanation,
      summary: null,
      stepsDone: texts(inputs.stepsDone),
      externalReference: null,
      openRequiredSteps: texts(inputs.openRequiredSteps),
      sopOverride: null,
    };
  }
  return {
    ...base,
    kind: event.toTier === "L4" ? "L4_HANDOFF" : "ESCALATION",
    reason: text(inputs.reason),
    summary: text(inputs.summary),
    stepsDone: texts(inputs.stepsDone),
    externalReference: text(inputs.externalReference),
    openRequiredSteps: texts(inputs.openRequiredSteps),
    sopOverride: text(inputs.sopOverride),
  };
}
