import type { Database } from "@/lib/db/client";
import type { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";

interface MacroSeed {
  title: string;
  /** A category's slug; none: every category. */
  category?: string;
  visibility: CommentVisibility;
  setStatus?: TicketStatus;
  body: string;
}

export const MACROS: MacroSeed[] = [
  {
    title: "Password reset instructions",
    category: "access",
    visibility: "PUBLIC",
    body: [
      "Hello {{customer.name}},",
      "",
      "To reset your password:",
      "",
      "1. Open the sign-in page and choose **Forgot password**.",
      "2. Enter your user ID; a reset link reaches your registered email within a few minutes.",
      "3. The link works once, for 30 minutes. Choose a password of at least 12 characters.",
      "",
      "If no mail arrives, check your spam folder and reply here. {{update.promise}}.",
      "",
      "{{agent.name}}, Service Desk",
    ].join("\n"),
  },
  {
    title: "Waiting for your answer",
    visibility: "PUBLIC",
    setStatus: "PENDING_CUSTOMER",
    body: [
      "Hello {{customer.name}},",
      "",
      "To continue with {{ticket.number}} ({{ticket.title}}) we need your answer to the question above. {{update.promise}}.",
      "",
      "{{agent.name}}, Service Desk",
    ].join("\n"),
  },
  {
    title: "Resolved – please confirm",
    visibility: "PUBLIC",
    setStatus: "RESOLVED",
    body: [
      "Hello {{customer.name}},",
      "",
      "We believe {{ticket.number}} ({{ticket.title}}) is resolved. Please confirm from the portal that it works for you. {{update.promise}}.",
      "",
      "{{agent.name}}, Service Desk",
    ].join("\n"),
  },
  {
    title: "Escalation summary template",
    visibility: "INTERNAL",
    body: [
      "**Escalation summary for {{ticket.number}}**",
      "",
      "- Symptom:",
      "- Impact (who, how many):",
      "- Steps of the SOP done:",
      "- What was tried and the result:",
      "- Data gathered (logs, screenshots, times):",
      "- Why it needs the next tier:",
    ].join("\n"),
  },
];

/** A few useful macros, created once each (an admin's later edits are kept). */
export async function seedMacros(db: Database): Promise<void> {
  for (const m of MACROS) {
    const category = m.category ? await db.category.findUnique({ where: { slug: m.category }, select: { id: true } }) : null;
    await db.macro.upsert({
      where: { title: m.title },
      create: { title: m.title, body: m.body, visibility: m.visibility, setStatus: m.setStatus ?? null, categoryId: category?.id ?? null },
      update: {},
    });
  }
}
