import { PRIORITY_TONE, STATUS_LABEL, formatAge } from "@/components/tickets/labels";
import { Badge } from "@/components/ui/badge";
import { Countdown } from "@/components/ui/countdown";
import type { QueueRow } from "@/lib/tickets/find-queue";
import type { QueueColumn } from "@/lib/validation/queue-preferences";
import { customerLine } from "./queue-columns";

const TRUNCATE = "block truncate";

/** One optional column's content for a row: the table and the phone cards show the same. */
export function QueueCell({ column, row, nowMs }: { column: QueueColumn; row: QueueRow; nowMs: number }) {
  switch (column) {
    case "priority":
      return <Badge tone={PRIORITY_TONE[row.priority]}>{row.priority}</Badge>;
    case "tier":
      return <>{row.tier}</>;
    case "status":
      return <span className={TRUNCATE} title={STATUS_LABEL[row.status]}>{STATUS_LABEL[row.status]}</span>;
    case "customer": {
      const { text, full } = customerLine(row.customer);
      return <span className={TRUNCATE} title={full}>{text}</span>;
    }
    case "assignee":
      return row.assignee ? <span className={TRUNCATE} title={row.assignee.name}>{row.assignee.name}</span> : <span className="text-slate-600">Unassigned</span>;
    case "first-response":
      return <Countdown label="First response" nowMs={nowMs} endsAt={row.due.firstResponseDueAt} warnAt={null} />;
    case "tier-budget":
      return <Countdown label="Tier budget" nowMs={nowMs} endsAt={row.due.tierBudgetEndsAt} warnAt={row.due.tierBudgetWarnAt} />;
    case "resolution":
      return <Countdown label="Resolution target" nowMs={nowMs} endsAt={row.due.resolutionDueAt} warnAt={row.due.resolutionWarnAt} />;
    case "updated":
      return <time dateTime={row.updatedAt} title={row.updatedAt}>{formatAge(new Date(row.updatedAt), new Date(nowMs))} ago</time>;
    case "age":
      return <time dateTime={row.createdAt} title={row.createdAt}>{formatAge(new Date(row.createdAt), new Date(nowMs))}</time>;
  }
}
