import type { MacroPreview } from "@/lib/macros/preview-macro";
import type { Impact, Priority, TicketStatus, Urgency } from "@/lib/db/generated/enums";

/** What a save that lost to a newer version shows: who changed what since the page was read, and the ticket now. */
export interface ConflictInfo {
  currentVersion: number;
  changes: { by: string; explanation: string; at: string }[];
  now: { status: TicketStatus; priority: Priority; impact: Impact; urgency: Urgency; category: string; assignee: string | null };
}

/** The answer of every ticket-page server action. */
export type ActionResult =
  | { ok: true; message: string }
  | { ok: false; message: string; fields?: Record<string, string[]>; conflict?: ConflictInfo };

export interface TicketPageActions {
  claim: (number: string) => Promise<ActionResult>;
  escalate: (number: string, input: unknown) => Promise<ActionResult>;
  returnToLowerTier: (number: string, input: unknown) => Promise<ActionResult>;
  assign: (number: string, input: unknown) => Promise<ActionResult>;
  update: (number: string, input: unknown, seenEvents: number) => Promise<ActionResult>;
  comment: (number: string, form: FormData) => Promise<ActionResult>;
  previewMacro: (number: string, macroId: number) => Promise<MacroPreviewResult>;
  tickSopStep: (number: string, step: string, done: boolean) => Promise<ActionResult>;
  recordVendorResponse: (number: string, input: unknown) => Promise<ActionResult>;
}

/** A macro filled for the ticket, or why not. */
export type MacroPreviewResult = { ok: true; preview: MacroPreview } | { ok: false; message: string };
