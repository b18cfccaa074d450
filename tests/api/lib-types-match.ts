// Compile-time: the JSON the lib functions return must be assignable to the types generated from the documented
// response schemas, so a change on either side that makes them disagree fails `npm run typecheck`, before any test runs.
// (CustomerTicketJson and AlertJson type their labels and rule as string, wider than the documented enums: the
// validating client checks those at run time.)
import type { CalendarVersionView, CalendarView } from "@/lib/admin/calendar-view";
import type { OrganizationView } from "@/lib/admin/list-organizations";
import type { SupportGroupView } from "@/lib/admin/list-support-groups";
import type { MacroJson } from "@/lib/macros/macro-json";
import type { InboundMailJson } from "@/lib/inbound/inbound-mail-json";
import type { InboundMailPage } from "@/lib/inbound/list-inbound-mail";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import type { NotificationPage } from "@/lib/notifications/list-notifications";
import type { MarkReadResult } from "@/lib/notifications/mark-read";
import type { NotificationPreferences } from "@/lib/notifications/preferences";
import type { SweepResult } from "@/lib/routing/sweep";
import type { VendorEngagementJson } from "@/lib/routing/vendor-engagement-json";
import type { CommentJson } from "@/lib/tickets/add-comment";
import type { BulkResult } from "@/lib/tickets/bulk-action";
import type { QueuePage } from "@/lib/tickets/find-queue";
import type { EventJson } from "@/lib/tickets/list-events";
import type { SopStepResult } from "@/lib/tickets/set-sop-step";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import type { components } from "./generated/openapi";

type Schemas = components["schemas"];
type Conforms<Actual extends Documented, Documented> = [Actual, Documented];

export type LibResponsesConform = [
  Conforms<TicketJson, Schemas["Ticket"]>,
  Conforms<EventJson, Schemas["Event"]>,
  Conforms<CommentJson, Schemas["Comment"]>,
  Conforms<QueuePage, Schemas["QueuePage"]>,
  Conforms<BulkResult, Schemas["BulkResult"]>,
  Conforms<SopStepResult, Schemas["SopStepResult"]>,
  Conforms<EscalationMetrics, Schemas["EscalationMetrics"]>,
  Conforms<SweepResult, Schemas["SweepResult"]>,
  Conforms<NotificationPage, Schemas["NotificationPage"]>,
  Conforms<MarkReadResult, Schemas["MarkReadResult"]>,
  Conforms<NotificationPreferences, Schemas["NotificationPreferences"]>,
  Conforms<MacroJson, Schemas["Macro"]>,
  Conforms<InboundMailJson, Schemas["InboundMail"]>,
  Conforms<InboundMailPage, Schemas["InboundMailPage"]>,
  Conforms<CalendarView, Schemas["Calendar"]>,
  Conforms<CalendarVersionView, Schemas["CalendarVersion"]>,
  Conforms<OrganizationView, Schemas["Organization"]>,
  Conforms<SupportGroupView, Schemas["SupportGroup"]>,
  Conforms<VendorEngagementJson, Schemas["VendorEngagement"]>,
];
