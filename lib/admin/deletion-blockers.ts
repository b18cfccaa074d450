// Pure: what still references a group, category or KB article, as sentences a 409 can name. An empty
// list means the record may be deleted. The services load the references and call these.
import type { Tier } from "@/lib/db/generated/enums";
import { DEFAULT_GROUP_FOR_TIER } from "@/lib/routing/groups";
import { INTAKE_GROUP_SLUG } from "@/lib/routing/intake";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (items: string[]) => items.join(", ");

/** The part a group plays in routing that no database row records: intake, or a tier's default escalation target. */
export function routingRoleOf(slug: string): string | null {
  if (slug === INTAKE_GROUP_SLUG) return "it is the L1 group every new ticket enters";
  for (const [tier, target] of Object.entries(DEFAULT_GROUP_FOR_TIER) as [Tier, string][]) {
    if (target === slug) return `it is the default ${tier} group escalations go to`;
  }
  return null;
}

export interface GroupReferences {
  slug: string;
  /** Tickets in the group now. */
  tickets: number;
  /** Some ticket's routing history names the group (a return to the previous tier would look it up). */
  inTicketHistory: boolean;
  members: string[];
  /** Categories whose L1 escalations go to this group. */
  l2Categories: string[];
}

export function groupDeletionBlockers(g: GroupReferences): string[] {
  const blockers: string[] = [];
  const role = routingRoleOf(g.slug);
  if (role) blockers.push(role);
  if (g.tickets > 0) blockers.push(`${count(g.tickets, "ticket is", "tickets are")} in it`);
  else if (g.inTicketHistory) blockers.push("tickets have passed through it, and their history names it");
  if (g.members.length) blockers.push(`${count(g.members.length, "member", "members")}: ${list(g.members)}`);
  if (g.l2Categories.length) blockers.push(`it is the L2 group of ${g.l2Categories.length === 1 ? "category" : "categories"} ${list(g.l2Categories)}`);
  return blockers;
}

export function categoryDeletionBlockers(c: { tickets: number }): string[] {
  return c.tickets > 0 ? [`${count(c.tickets, "ticket is", "tickets are")} filed under it`] : [];
}

export interface ArticleReferences {
  /** The category whose SOP this article is, if any. */
  sopFor: string | null;
  deflections: number;
  feedback: number;
}

/**
 * An article's deflections and feedback answers are counted on the dashboard and in the self-service
 * report: deleting them with the article would change figures already reported, so they block the
 * delete (unpublish the article instead) rather than cascade.
 */
export function articleDeletionBlockers(a: ArticleReferences): string[] {
  const blockers: string[] = [];
  if (a.sopFor) blockers.push(`it is the SOP article of category ${a.sopFor}`);
  const counted = [a.deflections && count(a.deflections, "deflection", "deflections"), a.feedback && count(a.feedback, "feedback answer", "feedback answers")].filter(Boolean);
  if (counted.length) blockers.push(`the self-service figures count its ${counted.join(" and ")} (unpublish it instead)`);
  return blockers;
}

/** One sentence for the 409: what cannot go, and everything that still holds on to it. */
export function deletionRefusal(what: string, blockers: string[]): string {
  return `${what} cannot be deleted: ${blockers.join("; ")}.`;
}

export interface CalendarReferences {
  builtIn: boolean;
  organizations: string[];
  groups: string[];
  /** Matrix versions (any, also older ones: tickets classified on them still run on it) that name it as their calendar. */
  matrixVersions: number[];
  /** L4 groups whose vendor targets count on it. */
  vendorTargetGroups: string[];
}

export function calendarDeletionBlockers(c: CalendarReferences): string[] {
  const blockers: string[] = [];
  if (c.builtIn) blockers.push("it is the built-in 24×7 calendar");
  if (c.organizations.length) blockers.push(`the customer clock of ${c.organizations.length === 1 ? "organization" : "organizations"} ${list(c.organizations)} runs on it`);
  if (c.groups.length) blockers.push(`the tier budgets of ${c.groups.length === 1 ? "group" : "groups"} ${list(c.groups)} run on it`);
  if (c.matrixVersions.length) blockers.push(`priority matrix ${c.matrixVersions.length === 1 ? "version" : "versions"} ${list(c.matrixVersions.map((v) => `v${v}`))} ${c.matrixVersions.length === 1 ? "runs" : "run"} on it`);
  if (c.vendorTargetGroups.length) blockers.push(`the vendor targets of L4 ${c.vendorTargetGroups.length === 1 ? "group" : "groups"} ${list(c.vendorTargetGroups)} count on it`);
  return blockers;
}
