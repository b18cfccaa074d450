import type { Actor } from "@/lib/actor";
import { listCategories, type CategoryOption } from "@/lib/catalog/list-categories";
import { db } from "@/lib/db/client";
import { Impact, Urgency, type Priority, type TicketStatus, type Tier } from "@/lib/db/generated/enums";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { clockStateOf } from "@/lib/routing/clock-columns";
import { loadCurrentMatrix } from "@/lib/routing/matrix-store";
import { loadRules, loadTicket } from "@/lib/routing/ticket-store";
import { availableActions, type AvailableActions } from "./available-actions";
import { previewClassification, previewKey, type ClassificationPreview } from "./classification-preview";
import { OPEN_STATUSES } from "@/lib/validation/queue";
import { getTicket } from "./get-ticket";
import { sopSteps } from "./sop-steps";
import type { TicketJson } from "./ticket-json";
import { listTimeline, type TimelineEntry } from "./ticket-timeline";

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
}

export interface TicketWorkspace {
  ticket: TicketJson;
  actions: AvailableActions;
  timeline: TimelineEntry[];
  /** How many decision-log events the page was rendered with: a conflict shows those after it. */
  eventCount: number;
  /** Guidance from the tier above, while the ticket is back with the tier it was returned to. */
  guidance: { from: string; text: string; at: string } | null;
  customerTickets: { number: string; title: string; status: TicketStatus; priority: Priority }[];
  sop: (ArticleJson & { steps: string[] }) | null;
  relatedArticles: ArticleJson[];
  categories: CategoryOption[];
  /** Per "IMPACT×URGENCY": what reclassifying to that cell of the current matrix gives now. */
  previews: Record<string, ClassificationPreview>;
  l4Groups: GroupOption[];
  /** Managers only (empty otherwise): where a ticket may be assigned. */
  assignGroups: GroupOption[];
  assignAgents: { userId: string; name: string; tier: Tier | null }[];
}

/** Everything the agent ticket page shows, for staff; a number the actor may not see is "not found". */
export async function loadTicketWorkspace(actor: Actor, number: string, now = new Date()): Promise<TicketWorkspace> {
  if (!can(actor, "queue:view")) throw forbidden();
  const row = await loadTicket(db(), actor, number);
  const isManager = actor.role === "MANAGER" || actor.role === "ADMIN";
  const [ticket, timeline, category, customerTickets, categories, rules, current, groups, agents] = await Promise.all([
    getTicket(actor, number),
    listTimeline(actor, number),
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
    loadRules(db(), row.matrixVersionId, row.priority),
    loadCurrentMatrix(db()),
    db().supportGroup.findMany({ where: isManager ? {} : { tier: "L4" }, orderBy: [{ tier: "asc" }, { name: "asc" }], select: { slug: true, name: true, tier: true } }),
    isManager
      ? db().user.findMany({ where: { role: "AGENT", active: true }, orderBy: [{ tier: "asc" }, { name: "asc" }], select: { userId: true, name: true, tier: true } })
      : Promise.resolve([]),
  ]);

  const state = clockStateOf(row);
  const previews: Record<string, ClassificationPreview> = {};
  for (const impact of Object.values(Impact)) {
    for (const urgency of Object.values(Urgency)) {
      previews[previewKey(impact, urgency)] = previewClassification({ state, before: rules, current, impact, urgency, now });
    }
  }

  const sopRow = category.articles.find((a) => a.id === category.sopArticleId) ?? null;
  const article = (a: (typeof category.articles)[number]): ArticleJson => ({ slug: a.slug, title: a.title, body: a.body, audience: a.audience });
  const events = timeline.flatMap((e) => (e.kind === "event" ? [e.event] : []));
  const lastMove = events.findLast((e) => e.type === "ESCALATED" || e.type === "AUTO_ESCALATED" || e.type === "RETURNED");
  const guidanceText = lastMove?.type === "RETURNED" && lastMove.toTier === row.tier ? (lastMove.details?.inputs as { guidance?: unknown } | null)?.guidance : undefined;

  return {
    ticket,
    actions: availableActions(actor, row),
    timeline,
    eventCount: timeline.reduce((n, e) => n + (e.kind === "event" || e.explanation !== null ? 1 : 0), 0),
    guidance: typeof guidanceText === "string" && lastMove ? { from: lastMove.actor?.name ?? "The tier above", text: guidanceText, at: lastMove.at } : null,
    customerTickets,
    sop: sopRow ? { ...article(sopRow), steps: sopSteps(sopRow.body) } : null,
    relatedArticles: category.articles.filter((a) => a.id !== category.sopArticleId).map(article),
    categories,
    previews,
    l4Groups: groups.filter((g) => g.tier === "L4"),
    assignGroups: isManager ? groups.filter((g) => g.tier !== "L4") : [],
    assignAgents: agents,
  };
}
