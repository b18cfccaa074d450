import type { AssignmentMode, Impact, Priority, TicketChannel, Urgency } from "@/lib/db/generated/enums";
import { IMPACT_LABEL, URGENCY_LABEL } from "./labels";
import { classify, type MatrixData } from "./matrix";
import { openingClocks, type ClockCalendars, type Clocked } from "./clocks";
import { findTarget, type SlaTargetData } from "./sla";

/** Every ticket enters at L1 in this group: no rule in the database routes intake elsewhere yet. */
export const INTAKE_GROUP_SLUG = "service-desk";

export type ValueSource = "customer" | "category default";

export interface IntakeInput {
  now: Date;
  hints: { impact?: Impact; urgency?: Urgency };
  category: { slug: string; name: string; defaultImpact: Impact; defaultUrgency: Urgency };
  matrix: MatrixData;
  targets: SlaTargetData[];
  /** The customer's organization's calendar (else the matrix version's) and the intake group's (else the same). */
  calendars: ClockCalendars;
  group: { slug: string; name: string; assignmentMode: AssignmentMode };
  customer: { userId: string; organization: string | null };
  /** How the ticket came in: the portal or the API for a customer's own, a staff channel for a logged contact. */
  channel: TicketChannel;
  /** The staff member who logged the contact for the customer; null when the customer opened it. */
  openedBy: { userId: string; name: string } | null;
}

/** How a logged contact reached the desk, as the CREATED sentence says it. */
const CHANNEL_WORDS: Record<TicketChannel, string> = {
  PORTAL: "through the portal",
  API: "through the API",
  PHONE: "by phone",
  CHAT: "by chat",
  EMAIL: "by email",
  WALK_IN: "at the desk (walk-in)",
  MONITORING: "by a monitoring alert",
};

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface DecisionEvent {
  rule: string;
  inputs: { [key: string]: Json };
  reason: string;
}

export interface IntakePlan {
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  /** The clocks a new ticket starts with, and the due times they give. */
  clocks: Clocked;
  created: DecisionEvent;
  classified: DecisionEvent;
}

/** Decides how a new ticket enters: its classification, its due times, and the two events that explain them. */
export function planIntake(input: IntakeInput): IntakePlan {
  const impactSource: ValueSource = input.hints.impact ? "customer" : "category default";
  const urgencySource: ValueSource = input.hints.urgency ? "customer" : "category default";
  const impact = input.hints.impact ?? input.category.defaultImpact;
  const urgency = input.hints.urgency ?? input.category.defaultUrgency;
  const classification = classify(input.matrix, impact, urgency);
  const target = findTarget(input.targets, classification.priority);
  const clocks = openingClocks(input.now, target, input.calendars);

  const who = input.customer.organization
    ? `${input.customer.userId} (${input.customer.organization})`
    : input.customer.userId;
  const waits =
    input.group.assignmentMode === "PULL"
      ? "a pull queue, so it waits there for an L1 agent to claim it"
      : "an auto-assigning group";
  const source = (s: ValueSource) => (s === "customer" ? "from the customer" : `default for ${input.category.name}`);

  return {
    impact,
    urgency,
    priority: classification.priority,
    clocks,
    created: {
      rule: "intake.l1",
      inputs: {
        group: input.group.slug,
        assignmentMode: input.group.assignmentMode,
        category: input.category.slug,
        channel: input.channel,
        ...(input.openedBy ? { openedBy: input.openedBy.userId, customer: input.customer.userId } : {}),
      },
      reason: input.openedBy
        ? `Opened by ${input.openedBy.name} (${input.openedBy.userId}) for ${who} ${CHANNEL_WORDS[input.channel]}; entered L1 at ${input.group.name}, ${waits}.`
        : `Opened by ${who}${input.channel === "EMAIL" ? " by email" : ""}; entered L1 at ${input.group.name}, ${waits}.`,
    },
    classified: {
      rule: "matrix.cell",
      inputs: {
        matrixVersion: classification.matrixVersion,
        impact,
        impactSource,
        urgency,
        urgencySource,
        cell: `${impact}×${urgency}`,
        priority: classification.priority,
        clock: target.clock,
        // Business hours: which calendar versions the due times were computed on.
        ...(target.clock === "BUSINESS_HOURS" && input.calendars.customer.label && input.calendars.tier.label
          ? { calendars: { customer: input.calendars.customer.label, tier: input.calendars.tier.label } }
          : {}),
        due: {
          firstResponseAt: iso(clocks.firstResponseDueAt),
          resolutionAt: iso(clocks.resolutionDueAt),
          nextUpdateAt: iso(clocks.nextUpdateDueAt),
          tierBudgetEndsAt: iso(clocks.tierBudgetEndsAt),
        },
      },
      reason:
        `Classified ${classification.priority} by priority matrix v${classification.matrixVersion}: ` +
        `impact ${IMPACT_LABEL[impact]} (${source(impactSource)}) × urgency ${URGENCY_LABEL[urgency]} (${source(urgencySource)}).`,
    },
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;
