import { z } from "zod";
import { storableString } from "./text";
import { positiveInt4 } from "./int4";
import { CommentVisibility, Impact, Priority, TicketStatus, Urgency } from "@/lib/db/generated/enums";

/** Status changes agents may make by hand; PENDING_VENDOR and the tier moves come from escalation (lib/routing/guards.ts). */
export const MANUAL_STATUSES: TicketStatus[] = ["IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"];

const slug = (message: string) => storableString().trim().min(1, message).max(64, message).regex(/^[a-z0-9-]+$/, message);
const text = (field: string, max: number) =>
  storableString({ error: `Enter ${field}.` }).trim().min(1, `Enter ${field}.`).max(max, `Keep ${field} within ${max.toLocaleString("en")} characters.`);

export const ZAssignTicket = z
  .strictObject({
    userId: storableString().trim().min(1).max(64).optional(),
    group: slug("Choose a group.").optional(),
    /** The version the caller last read: a ticket changed since then is a conflict (409). */
    version: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .refine((v) => v.userId || v.group, { message: "Give a userId, a group, or both.", path: ["userId"] });
export type AssignTicketInput = z.infer<typeof ZAssignTicket>;

export const ZEscalateTicket = z.strictObject({
  reason: text("the reason", 2_000),
  summary: text("a summary of the data gathered and the steps tried", 20_000),
  /** Steps the caller did beyond the ticks saved on the ticket (older clients); the saved ticks come first on the hand-off card. */
  stepsDone: z.array(storableString().trim().min(1, "A step is empty.").max(1_000, "Keep a step within 1,000 characters.")).max(50, "At most 50 steps.").optional(),
  toGroup: slug("Choose a group.").optional(),
  /** Why L1 escalates with required SOP steps still open (lib/routing/sop-guard.ts); ignored when none are open. */
  sopOverride: text("why you escalate with required SOP steps open", 2_000).optional(),
  externalReference: storableString().trim().min(1).max(200, "Keep the reference within 200 characters.").optional(),
});
export type EscalateTicketInput = z.infer<typeof ZEscalateTicket>;

export const ZReturnTicket = z.strictObject({ guidance: text("guidance for the lower tier", 20_000) });
export type ReturnTicketInput = z.infer<typeof ZReturnTicket>;

export const ZUpdateTicket = z
  .strictObject({
    version: positiveInt4("Send the version you last read."),
    status: z.enum(TicketStatus, { error: "Unknown status." }).optional(),
    impact: z.enum(Impact, { error: "Unknown impact." }).optional(),
    urgency: z.enum(Urgency, { error: "Unknown urgency." }).optional(),
    category: slug("Choose a category.").optional(),
  })
  .refine((v) => v.status || v.impact || v.urgency || v.category, { message: "Nothing to change.", path: ["status"] });
export type UpdateTicketInput = z.infer<typeof ZUpdateTicket>;

export const COMMENT_MAX = 20_000;
export const ZAddComment = z.strictObject({
  body: text("a message", COMMENT_MAX),
  visibility: z.enum(CommentVisibility, { error: "PUBLIC or INTERNAL." }).default("PUBLIC"),
  /** Staff: the macro the text was started from (its use is counted when this is sent). */
  macroId: positiveInt4("A macro is named by its number.").optional(),
});
export type AddCommentInput = z.infer<typeof ZAddComment>;

const minutes = (field: string) => z.number({ error: `${field}: a number of minutes.` }).int(`${field}: whole minutes.`).min(1, `${field}: at least 1 minute.`).max(525_600, `${field}: at most a year.`);

export const ZMatrixTarget = z
  .strictObject({
    priority: z.enum(Priority),
    firstResponseMinutes: minutes("firstResponseMinutes"),
    resolutionMinutes: minutes("resolutionMinutes"),
    updateEveryMinutes: minutes("updateEveryMinutes"),
    tierBudgetMinutes: z.strictObject({ L1: minutes("L1"), L2: minutes("L2"), L3: minutes("L3") }),
    businessHours: z.boolean(),
  })
  .superRefine((t, ctx) => {
    if (t.firstResponseMinutes > t.resolutionMinutes) ctx.addIssue({ code: "custom", path: ["firstResponseMinutes"], message: "First response cannot come after resolution." });
    if (t.updateEveryMinutes > t.resolutionMinutes) ctx.addIssue({ code: "custom", path: ["updateEveryMinutes"], message: "Updates must come at least once before the resolution target." });
    for (const tier of ["L1", "L2", "L3"] as const) {
      if (t.tierBudgetMinutes[tier] > t.resolutionMinutes) ctx.addIssue({ code: "custom", path: ["tierBudgetMinutes", tier], message: `The ${tier} budget cannot exceed the resolution target.` });
    }
  });

export const ZPriorityMatrix = z
  .strictObject({
    /** The version this edit started from (GET's `version`); if another was published since, 409. */
    version: positiveInt4("Send the version you started from.").optional(),
    note: storableString().trim().max(500).optional(),
    cells: z.array(z.strictObject({ impact: z.enum(Impact), urgency: z.enum(Urgency), priority: z.enum(Priority) })).length(9, "Give all 9 cells."),
    targets: z.array(ZMatrixTarget).length(5, "Give a target for each of P1–P5."),
  })
  .superRefine((m, ctx) => {
    const cells = new Set(m.cells.map((c) => `${c.impact}×${c.urgency}`));
    if (cells.size !== m.cells.length) ctx.addIssue({ code: "custom", path: ["cells"], message: "Each impact × urgency cell appears once." });
    const priorities = new Set(m.targets.map((t) => t.priority));
    if (priorities.size !== m.targets.length) ctx.addIssue({ code: "custom", path: ["targets"], message: "Each priority has one target." });
  });
export type PriorityMatrixInput = z.infer<typeof ZPriorityMatrix>;

export const ZRecordVendorResponse = z.strictObject({
  /** When the vendor responded, if earlier than now (recorded after the fact); never before the hand-off nor in the future. */
  respondedAt: z.iso.datetime({ offset: true, error: "Give the time the vendor responded, e.g. 2026-12-04T09:12:00Z." }).optional(),
  /** What the vendor said: their ticket, who picked it up. */
  note: text("a note", 2_000).optional(),
});
export type RecordVendorResponseInput = z.infer<typeof ZRecordVendorResponse>;
