import type { Actor } from "@/lib/actor";
import { listCategories, type CategoryOption } from "@/lib/catalog/list-categories";
import { db } from "@/lib/db/client";
import { Impact, Urgency, type L4Kind, type Priority, type TicketStatus, type Tier } from "@/lib/db/generated/enums";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { forbidden } from "@/lib/errors";
import { loadTicketAlerts, type TicketAlertJson } from "@/lib/tickets/ticket-alerts";
import { can } from "@/lib/permissions";
import { clockStateOf } from "@/lib/routing/clock-columns";
import { loadCurrentMatrix } from "@/lib/routing/matrix-store";
import { loadRules } from "@/lib/routing/clock-rules";
import { loadTicket } from "@/lib/tickets/core/ticket-store";
import { listVendorEngagements, type VendorEngagementJson } from "@/lib/routing/vendor-engagement-json";
import { availableActions, type AvailableActions } from "./available-actions";
import { previewClassification, previewKey, type ClassificationPreview } from "./classification-preview";
import { OPEN_STATUSES } from "@/lib/validation/queue";
import { getTicket } from "./core/get-ticket";
import type { HandoffJson } from "./handoff";
import { pinnedHandoffIndex } from "./handoff-pin";
import type { EventJson } from "./list-events";
import { nextTicketFor } from "./next-ticket";
import { loadSopChecklist, type SopStepState } from "./core/sop-checklist";
import { parseSopSteps } from "./core/sop-steps";
import type { TicketJson } from "./core/ticket-json";
import { loadTimeline, type TimelineEntry } from "./ticket-timeline";

export interface ArticleJson {
  slug: string;
  title: string;
  body: string;
  audience: "AGENT" | "CUSTOMER";
}

export interface GroupOption {
  slug: string;
  name: string;
  tier: Tier;
  /** L4 groups: a vendor or an internal engineering team. */
  l4Kind: L4Kind | null;
}

export interface TicketWorkspace {
  ticket: TicketJson;
  actions: AvailableActions;
  timeline: TimelineEntry[];
  /** How many decision-log events the page was rendered with: a conflict shows those after it. */
  eventCount: number;
  /** Files that came with the ticket itself (shown with its description). */
  ticketAttachments: AttachmentJson[];
  /** The newest hand-off, pinned on top for the tier that received it until it acts (handoff-pin.ts). */
  pinnedHandoff: { at: string; handoff: HandoffJson } | null;
  /** The actor escalated or returned this ticket at some point (they may still add notes). */
  handedOff: boolean;
  /** Where to go next once the actor has handed the ticket on and has nothing left to do on it. */
  nextTicket: { number: string; title: string } | null;
  customerTickets: { number: string; title: string; status: TicketStatus; priority: Priority }[];
  /** The category's SOP with this ticket's saved ticks (who, when); steps are its task-list items. */
  sop: (ArticleJson & { steps: SopStepState[] }) | null;
  relatedArticles: ArticleJson[];
  categories: CategoryOption[];
  /** Per "IMPACT×URGENCY": what reclassifying to that cell of the current matrix gives now. */
  previews: Record<string, ClassificationPreview>;
  l4Groups: GroupOption[];
  /** Managers only (empty otherwise): where a ticket may be assigned. */
  assignGroups: GroupOption[];
  assignAgents: { userId: string; name: string; tier: Tier | null }[];
  /** The monitoring alert(s) behind an incident opened by an integration: first and last seen, count. */
  monitoringAlerts: TicketAlertJson[];
  /** Its stints with L4 groups, newest first, with the vendor's due times (the open one, if any, leads). */
  vendorEngagements: VendorEngagementJson[];
}

/** Everything the agent ticket page shows, for staff; a number the actor may not see is "not found". */
export async function loadTicketWorkspace(actor: Actor, number: string, now = new Date()): Promise<TicketWorkspace> {
  if (!can(actor, "queue:view")) throw forbidden();
  const row = await loadTicket(db(), actor, number);
  const isManager = actor.role === "MANAGER" || actor.role === "ADMIN";
  const [ticket, { entries: timeline, ticketAttachments, events }, category, customerTickets, categories, rules, current, groups, agents, monitoringAlerts, vendorEngagements] = await Promise.all([
    getTicket(actor, number),
    loadTimeline(actor, number),
    db().category.findUniqueOrThrow({
      where: { id: row.categoryId },
      select: { sopArticleId: true, articles: { where: { published: true }, orderBy: { title: "asc" }, select: { id: true, slug: true, title: true, body: true, audience: true } } },
    }),
    db().ticket.findMany({
      where: { customerId: row.customerId, id: { not: row.id }, status: { in: [...OPEN_STATUSES] } },
      orderBy: { id: "desc" },
      take: 10,
      select: { number: true, title: true, status: true, priority: true },
    }),
    listCategories(),
    loadRules(db(), row),
    loadCurrentMatrix(db()),
    db().supportGroup.findMany({ where: isManager ? {} : { tier: "L4" }, orderBy: [{ tier: "asc" }, { name: "asc" }], select: { slug: true, name: true, tier: true, l4Kind: true } }),
    isManager
      ? db().user.findMany({ where: { role: "AGENT", active: true }, orderBy: [{ tier: "asc" }, { name: "asc" }], select: { userId: true, name: true, tier: true } })
      : Promise.resolve([]),
    row.channel === "MONITORING" ? loadTicketAlerts(db(), row.id) : Promise.resolve([]),
    listVendorEngagements(db(), row.id),
  ]);
  const openEngagement = vendorEngagements[0]?.endedAt === null ? vendorEngagements[0] : null;

  const state = clockStateOf(row);
  const previews: Record<string, ClassificationPreview> = {};
  for (const impact of Object.values(Impact)) {
    for (const urgency of Object.values(Urgency)) {
      previews[previewKey(impact, urgency)] = previewClassification({ state, before: rules, current, impact, urgency, now });
    }
  }

  const sopRow = category.articles.find((a) => a.id === category.sopArticleId) ?? null;
  const sopSteps = sopRow ? await loadSopChecklist(db(), row.id, parseSopSteps(sopRow.body)) : [];
  const article = (a: (typeof category.articles)[number]): ArticleJson => ({ slug: a.slug, title: a.title, body: a.body, audience: a.audience });
  const pinned = pinnedHandoffIndex(events.map(pinFacts), row.tier, actor);
  const pinnedEvent = pinned === null ? null : events[pinned];
  const handedOff = events.some((e) => (e.type === "ESCALATED" || e.type === "RETURNED") && e.actor?.userId === actor.userId);
  const actions = availableActions(actor, row, { handedOff, vendorResponded: openEngagement ? openEngagement.respondedAt !== null : true });

  return {
    ticket,
    actions,
    timeline,
    eventCount: timeline.reduce((n, e) => n + (e.kind === "event" || e.explanation !== null ? 1 : 0), 0),
    ticketAttachments,
    pinnedHandoff: pinnedEvent?.handoff ? { at: pinnedEvent.at, handoff: pinnedEvent.handoff } : null,
    handedOff,
    nextTicket: handedOff && !actions.comment && actor.role === "AGENT" ? await nextTicketFor(actor, number, now) : null,
    customerTickets,
    sop: sopRow ? { ...article(sopRow), steps: sopSteps } : null,
    relatedArticles: category.articles.filter((a) => a.id !== category.sopArticleId).map(article),
    categories,
    previews,
    l4Groups: groups.filter((g) => g.tier === "L4"),
    assignGroups: isManager ? groups.filter((g) => g.tier !== "L4") : [],
    assignAgents: agents,
    monitoringAlerts,
    vendorEngagements,
  };
}

function pinFacts(e: EventJson) {
  return { type: e.type, toTier: e.toTier, actor: e.actor?.role ? { role: e.actor.role, tier: e.actor.tier ?? null } : null };
}
