import type { Role } from "@/lib/db/generated/enums";

export type StaffNavIcon = "queue" | "inbound" | "dashboard" | "admin";

export interface StaffNavLink {
  href: string;
  label: string;
  icon: StaffNavIcon;
}

/**
 * The staff header's links for a role, the same on every staff page. The pages' own guards (lib
 * permissions) decide access; these only show what each role may open: managers see Admin read-only; staff who
 * review held mail (inbound:review) see Inbound.
 */
export function staffNavLinks(role: Role, canReadAdmin: boolean, canReadMetrics: boolean, canReviewInbound: boolean): StaffNavLink[] {
  if (role === "CUSTOMER") return [];
  const links: StaffNavLink[] = [{ href: "/queue", label: "Queue", icon: "queue" }];
  if (canReviewInbound) links.push({ href: "/inbound", label: "Inbound", icon: "inbound" });
  if (canReadMetrics) links.push({ href: "/dashboard", label: "Dashboard", icon: "dashboard" });
  if (canReadAdmin) links.push({ href: "/admin", label: "Admin", icon: "admin" });
  return links;
}

/** The link that holds `pathname`: the longest href that is it or a parent of it. */
export function currentHref(links: { href: string }[], pathname: string): string | null {
  const matches = links.filter((l) => pathname === l.href || pathname.startsWith(`${l.href}/`));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? null;
}
