import type {
  ApiScope,
  InboundMailStatus,
  InboundMailVia,
  ArticleAudience,
  AssignmentMode,
  BackupStatus,
  CommentVisibility,
  DashboardDuration,
  DashboardScope,
  Impact,
  IntegrationKind,
  L4Kind,
  NotificationCause,
  NotificationKind,
  OutboxStatus,
  Priority,
  Role,
  SlaClock,
  TicketChannel,
  TicketEventType,
  TicketLinkKind,
  TicketStatus,
  TicketType,
  Tier,
  Urgency,
  WebhookDeliveryStatus,
  WebhookEventType,
  VendorEngagementEnd,
} from "@/lib/db/generated/enums";

/**
 * The one place where a code a person could read becomes words. Staff wording unless the name says
 * CUSTOMER_: the portal speaks plainer and never names tiers, groups or agents.
 */

export const ROLE_LABEL: Record<Role, string> = { CUSTOMER: "Customer", AGENT: "Agent", MANAGER: "Manager", ADMIN: "Admin" };

export const TIER_LABEL: Record<Tier, string> = { L1: "L1", L2: "L2", L3: "L3", L4: "L4" };

export const PRIORITY_LABEL: Record<Priority, string> = { P1: "P1", P2: "P2", P3: "P3", P4: "P4", P5: "P5" };

export const LEVEL_LABEL: Record<Impact | Urgency, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };
export const IMPACT_LABEL: Record<Impact, string> = LEVEL_LABEL;
export const URGENCY_LABEL: Record<Urgency, string> = LEVEL_LABEL;

export const STATUS_LABEL: Record<TicketStatus, string> = {
  NEW: "New",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  PENDING_CUSTOMER: "Pending customer",
  PENDING_VENDOR: "Pending L4",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export const TYPE_LABEL: Record<TicketType, string> = { INCIDENT: "Incident", SERVICE_REQUEST: "Service request" };

export const L4_KIND_LABEL: Record<L4Kind, string> = { VENDOR: "Vendor", ENGINEERING: "Internal engineering" };

export const ASSIGNMENT_MODE_LABEL: Record<AssignmentMode, string> = { AUTO: "Automatic assignment", PULL: "Pull queue" };

export const SLA_CLOCK_LABEL: Record<SlaClock, string> = { ALWAYS: "24×7", BUSINESS_HOURS: "Business hours" };

export const AUDIENCE_LABEL: Record<ArticleAudience, string> = { CUSTOMER: "Customers", AGENT: "Agents" };

export const VISIBILITY_LABEL: Record<CommentVisibility, string> = { PUBLIC: "Public reply", INTERNAL: "Internal note" };

export const OUTBOX_STATUS_LABEL: Record<OutboxStatus, string> = { PENDING: "Waiting", SENT: "Sent", FAILED: "Failed" };

export const EVENT_LABEL: Record<TicketEventType, string> = {
  CREATED: "Opened",
  CLASSIFIED: "Classified",
  RECLASSIFIED: "Reclassified",
  ASSIGNED: "Assigned",
  CLAIMED: "Claimed",
  ESCALATED: "Escalated",
  RETURNED: "Returned",
  AUTO_ESCALATED: "Escalated automatically",
  ALERT: "Alert",
  STATUS_CHANGED: "Status changed",
  COMMENTED: "Comment",
  RATED: "Rated",
  ALERT_ACKNOWLEDGED: "Alert acknowledged",
  SOP_STEP_CHANGED: "SOP step",
  LINKED: "Linked",
  MAJOR_INCIDENT_DECLARED: "Major incident declared",
  CHILD_ATTACHED: "Attached to major incident",
  CHILD_DETACHED: "Detached from major incident",
  MONITORING_ALERT: "Monitoring alert",
  VENDOR_RESPONDED: "Vendor responded",
  INBOUND_MAIL: "Mail received",
};

export const CHANNEL_LABEL: Record<TicketChannel, string> = {
  PORTAL: "Portal",
  API: "API client",
  PHONE: "Phone",
  CHAT: "Chat",
  EMAIL: "Email",
  WALK_IN: "Walk-in",
  MONITORING: "Monitoring",
};

export const LINK_KIND_LABEL: Record<TicketLinkKind, string> = { RELATED: "Related", DUPLICATE_OF: "Duplicate of" };

/** The kinds a person chooses in-app or mail for (their notification preferences). */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  ASSIGNMENTS: "Assignments",
  MY_GROUP: "My group",
  CUSTOMER_ACTIVITY: "Customer activity",
  SLA_ALERTS: "SLA alerts",
  MENTIONS: "Mentions",
};

/** Why a notification came, as a short tag beside it. */
export const NOTIFICATION_CAUSE_LABEL: Record<NotificationCause, string> = {
  ASSIGNED: "Assigned",
  RETURNED: "Returned",
  GROUP_QUEUE: "Group queue",
  AUTO_ESCALATED: "Escalated automatically",
  CUSTOMER_REPLIED: "Customer replied",
  CUSTOMER_REOPENED: "Customer reopened",
  CUSTOMER_RATED_LOW: "Low rating",
  ESCALATION_REQUESTED: "Escalation requested",
  SLA_WARNING: "SLA warning",
  SLA_BREACHED: "SLA breached",
  L3_BUDGET_SPENT: "L3 budget spent",
  UPDATE_OVERDUE: "Update overdue",
  MENTIONED: "Mention",
  MONITORING_RESOLVED: "Alert resolved",
  VENDOR_WARNING: "Vendor target warning",
  VENDOR_BREACHED: "Vendor target missed",
};

/** The alerts a person must acknowledge (the Alert table's rules), in a few words for the Open alerts panel. */
export const ALERT_RULE_LABEL: Record<string, string> = {
  "sla.resolution-100": "Resolution target breached",
  "budget.l3": "L3 budget spent",
  "sla.customer-update-overdue": "Customer update overdue",
  "customer.escalation-request": "Customer asked for escalation",
  "vendor.response-100": "Vendor response overdue",
  "vendor.resolution-100": "Vendor resolution overdue",
};

/** An alert's rule in words; an unknown rule reads "Alert" rather than a code. */
export const alertRuleLabel = (rule: string): string => ALERT_RULE_LABEL[rule] ?? "Alert";

// ---- What customers read ----

export const CUSTOMER_STATUS_LABEL: Record<TicketStatus, string> = {
  NEW: "Received",
  ASSIGNED: "Assigned to an agent",
  IN_PROGRESS: "In progress",
  PENDING_CUSTOMER: "Waiting for your reply",
  PENDING_VENDOR: "With a specialist team",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export const CUSTOMER_PRIORITY_LABEL: Record<Priority, string> = { P1: "Critical", P2: "High", P3: "Medium", P4: "Low", P5: "Planning" };

export const CUSTOMER_SUPPORT_LEVEL_LABEL: Record<Tier, string> = {
  L1: "Level 1 support",
  L2: "Level 2 support",
  L3: "Level 3 support",
  L4: "Specialist team",
};

export const CUSTOMER_IMPACT_LABEL: Record<Impact, string> = {
  HIGH: "Many people or the whole organization",
  MEDIUM: "A team or several people",
  LOW: "Just me",
};

export const CUSTOMER_URGENCY_LABEL: Record<Urgency, string> = {
  HIGH: "Work has stopped",
  MEDIUM: "Work is slowed down",
  LOW: "It can wait",
};

export const API_SCOPE_LABEL: Record<ApiScope, string> = {
  TICKETS_READ: "Read tickets",
  TICKETS_WRITE: "Open and work tickets",
  ALERTS_WRITE: "Send monitoring alerts",
  METRICS_READ: "Read the dashboard's metrics",
  ADMIN: "Administer",
};

export const INTEGRATION_KIND_LABEL: Record<IntegrationKind, string> = { ALERTMANAGER: "Prometheus Alertmanager" };

export const WEBHOOK_EVENT_LABEL: Record<WebhookEventType, string> = {
  TICKET_CREATED: "Ticket opened",
  TICKET_ASSIGNED: "Ticket assigned",
  TICKET_ESCALATED: "Ticket escalated",
  TICKET_RETURNED: "Ticket returned",
  TICKET_RESOLVED: "Ticket resolved",
  TICKET_CLOSED: "Ticket closed",
  SLA_ALERT: "SLA alert",
  MAJOR_INCIDENT_UPDATED: "Major incident updated",
};

/** An API token's state, derived from its revocation and expiry (lib/tokens/token-json.ts `tokenStatus`). */
export type ApiTokenStatus = "ACTIVE" | "EXPIRED" | "REVOKED";
export const API_TOKEN_STATUS_LABEL: Record<ApiTokenStatus, string> = { ACTIVE: "Active", EXPIRED: "Expired", REVOKED: "Revoked" };

export const WEBHOOK_DELIVERY_STATUS_LABEL: Record<WebhookDeliveryStatus, string> = { PENDING: "Waiting", SUCCEEDED: "Delivered", FAILED: "Failed" };

export const BACKUP_STATUS_LABEL: Record<BackupStatus, string> = { RUNNING: "Running", SUCCEEDED: "Succeeded", FAILED: "Failed" };
/** The dashboard rollups' keys, as a rebuild or a log line names them. */
export const ROLLUP_SCOPE_LABEL: Record<DashboardScope, string> = {
  ALL: "All tickets",
  PRIORITY: "By priority",
  CATEGORY: "By category",
  ORGANIZATION: "By organization",
  CELL: "By impact and urgency",
};
export const ROLLUP_DURATION_LABEL: Record<DashboardDuration, string> = {
  L1: "Time in L1",
  L2: "Time in L2",
  L3: "Time in L3",
  L4: "Time with the vendor",
  RESOLVE: "Time to resolve",
};

/** Every label map keyed by its enum's name in the schema: the unit test checks each covers every value. */
/** How a ticket's stint with an L4 group ended. */
export const VENDOR_ENGAGEMENT_END_LABEL: Record<VendorEngagementEnd, string> = { RETURNED: "handed back", RESOLVED: "resolved at L4" };

/** Issue 24: how a received mail came in, and what became of it. */
export const INBOUND_MAIL_VIA_LABEL: Record<InboundMailVia, string> = { SMTP: "Received over SMTP", IMAP: "Fetched over IMAP" };
export const INBOUND_MAIL_STATUS_LABEL: Record<InboundMailStatus, string> = {
  POSTED: "Posted",
  HELD: "Held for review",
  IGNORED: "Ignored (automatic)",
  ACCEPTED: "Accepted",
  DISCARDED: "Discarded",
};

export const LABELS_BY_ENUM = {
  Role: [ROLE_LABEL],
  Tier: [TIER_LABEL, CUSTOMER_SUPPORT_LEVEL_LABEL],
  Priority: [PRIORITY_LABEL, CUSTOMER_PRIORITY_LABEL],
  Impact: [IMPACT_LABEL, CUSTOMER_IMPACT_LABEL],
  Urgency: [URGENCY_LABEL, CUSTOMER_URGENCY_LABEL],
  TicketStatus: [STATUS_LABEL, CUSTOMER_STATUS_LABEL],
  TicketType: [TYPE_LABEL],
  L4Kind: [L4_KIND_LABEL],
  AssignmentMode: [ASSIGNMENT_MODE_LABEL],
  SlaClock: [SLA_CLOCK_LABEL],
  ArticleAudience: [AUDIENCE_LABEL],
  CommentVisibility: [VISIBILITY_LABEL],
  TicketEventType: [EVENT_LABEL],
  OutboxStatus: [OUTBOX_STATUS_LABEL],
  NotificationCause: [NOTIFICATION_CAUSE_LABEL],
  NotificationKind: [NOTIFICATION_KIND_LABEL],
  TicketChannel: [CHANNEL_LABEL],
  TicketLinkKind: [LINK_KIND_LABEL],
  ApiScope: [API_SCOPE_LABEL],
  IntegrationKind: [INTEGRATION_KIND_LABEL],
  WebhookEventType: [WEBHOOK_EVENT_LABEL],
  WebhookDeliveryStatus: [WEBHOOK_DELIVERY_STATUS_LABEL],
  BackupStatus: [BACKUP_STATUS_LABEL],
  DashboardScope: [ROLLUP_SCOPE_LABEL],
  DashboardDuration: [ROLLUP_DURATION_LABEL],
  VendorEngagementEnd: [VENDOR_ENGAGEMENT_END_LABEL],
  InboundMailVia: [INBOUND_MAIL_VIA_LABEL],
  InboundMailStatus: [INBOUND_MAIL_STATUS_LABEL],
} as const;

// ---- The audit trail's codes (strings in the database, not enums) ----

export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  ApiToken: "API token",
  Category: "category",
  KbArticle: "article",
  LoginThrottle: "login throttle",
  PriorityMatrix: "priority matrix",
  SupportCalendar: "support calendar",
  SupportGroup: "group",
  User: "person",
};

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  clear: "Cleared",
  create: "Created",
  deactivate: "Deactivated",
  delete: "Deleted",
  publish: "Published",
  revoke: "Revoked",
  "remove-demo": "Removed a demo account",
  update: "Updated",
  "issue-pin": "Issued a new PIN",
  "reset-password": "Reset a password",
};

/** Actions whose words already say what changed. */
const AUDIT_ACTION_ALONE = new Set(["remove-demo", "issue-pin", "reset-password"]);

/** "Published priority matrix": an audit entry in words; an unknown code is shown as it is rather than hidden. */
export function auditLabel(action: string, entity: string): string {
  const verb = AUDIT_ACTION_LABEL[action] ?? action;
  return AUDIT_ACTION_ALONE.has(action) ? verb : `${verb} ${AUDIT_ENTITY_LABEL[entity] ?? entity}`;
}
