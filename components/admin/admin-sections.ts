import type { AdminOverview } from "@/lib/admin/admin-overview";
import { BACKUP_STATUS_LABEL } from "@/lib/labels";

export type AdminSectionIcon = "people" | "groups" | "matrix" | "calendar" | "kb" | "macros" | "audit" | "outbox" | "tokens" | "integrations" | "webhooks" | "backups" | "demo";

export interface AdminSection {
  href: string;
  /** The section nav's short name. */
  label: string;
  title: string;
  description: string;
  icon: AdminSectionIcon;
  /** The home card's key figure. */
  figure: (o: AdminOverview) => string;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The admin pages, in the order the section nav and the home's cards show them. */
export const ADMIN_SECTIONS: AdminSection[] = [
  {
    href: "/admin/people",
    label: "People",
    title: "People",
    description: "Customers and staff: create, issue PINs, reset passwords, deactivate; slowed-down sign-ins.",
    icon: "people",
    figure: (o) => count(o.activePeople, "active person", "active people"),
  },
  {
    href: "/admin/groups",
    label: "Groups",
    title: "Groups and categories",
    description: "Support groups per tier, their members and assignment mode; categories with their SOPs.",
    icon: "groups",
    figure: (o) => `${count(o.groups, "group", "groups")} · ${count(o.categories, "category", "categories")}`,
  },
  {
    href: "/admin/matrix",
    label: "Matrix",
    title: "Priority matrix and SLA targets",
    description: "Impact × urgency → priority, response and resolution targets, tier budgets; try a draft first.",
    icon: "matrix",
    figure: (o) => (o.matrixVersion === null ? "No version yet" : `Version ${o.matrixVersion} in force`),
  },
  {
    href: "/admin/calendars",
    label: "Calendars",
    title: "Calendars",
    description: "Named, versioned business hours: opening windows, time zone and holidays that P3–P5 clocks run on.",
    icon: "calendar",
    figure: (o) => count(o.calendars, "calendar", "calendars"),
  },
  {
    href: "/admin/kb",
    label: "Knowledge base",
    title: "Knowledge base",
    description: "Self-service articles for customers and SOPs for agents.",
    icon: "kb",
    figure: (o) => count(o.articles, "article", "articles"),
  },
  {
    href: "/admin/macros",
    label: "Macros",
    title: "Macros",
    description: "Canned replies and notes with placeholders, for one category or all; how often each was sent.",
    icon: "macros",
    figure: (o) => count(o.macros, "macro", "macros"),
  },
  {
    href: "/admin/audit",
    label: "Audit",
    title: "Audit trail",
    description: "Every admin change, newest first; never edited or removed.",
    icon: "audit",
    figure: (o) => count(o.auditEvents, "entry", "entries"),
  },
  {
    href: "/admin/outbox",
    label: "Outbox",
    title: "Outbox",
    description: "Mail to customers and how its delivery went.",
    icon: "outbox",
    figure: (o) => `${o.mailWaiting.toLocaleString("en")} waiting · ${o.mailFailed.toLocaleString("en")} failed`,
  },
  {
    href: "/admin/tokens",
    label: "API tokens",
    title: "API tokens",
    description: "Bearer tokens for scripts and monitoring, for you or a service account: scopes, last use, revoke.",
    icon: "tokens",
    figure: (o) => count(o.activeTokens, "active token", "active tokens"),
  },
  {
    href: "/admin/integrations",
    label: "Integrations",
    title: "Monitoring integrations",
    description: "Alertmanager receivers: which customer and category alerts open incidents for, severity mapping, auto-resolve.",
    icon: "integrations",
    figure: (o) => count(o.integrations, "active integration", "active integrations"),
  },
  {
    href: "/admin/webhooks",
    label: "Webhooks",
    title: "Webhooks",
    description: "Signed event deliveries to chat, on-call and other tools; each endpoint's delivery log.",
    icon: "webhooks",
    figure: (o) => `${o.webhooksActive.toLocaleString("en")} active · ${o.webhooksDisabled.toLocaleString("en")} disabled`,
  },
  {
    href: "/admin/backups",
    label: "Backups",
    title: "Backups",
    description: "The scheduled backups of the database and attachments: when, how large, how long, and whether each worked.",
    icon: "backups",
    figure: (o) => (o.lastBackup ? `Last: ${BACKUP_STATUS_LABEL[o.lastBackup.status].toLowerCase()} ${o.lastBackup.startedAt.slice(0, 16).replace("T", " ")} UTC` : "None yet"),
  },
  {
    href: "/admin/demo",
    label: "Demo accounts",
    title: "Demo accounts",
    description: "Accounts whose secrets the README publishes: remove them before real use.",
    icon: "demo",
    figure: (o) => (o.demoAccounts ? count(o.demoAccounts, "active demo account", "active demo accounts") : "None active"),
  },
];
