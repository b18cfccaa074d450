import type { HandoffKind } from "@/lib/tickets/handoff";

/** The heading of a hand-off card. */
export const HANDOFF_KIND_LABEL: Record<HandoffKind, string> = {
  ESCALATION: "Escalation",
  AUTO_ESCALATION: "Automatic escalation",
  L4_HANDOFF: "Hand-off to L4",
  RETURN: "Returned with guidance",
  L4_REPLY: "L4 reply",
};

/** What the card calls its Markdown text. */
export const HANDOFF_SUMMARY_LABEL: Record<HandoffKind, string> = {
  ESCALATION: "Summary",
  AUTO_ESCALATION: "Summary",
  L4_HANDOFF: "Summary",
  RETURN: "Guidance",
  L4_REPLY: "Their reply",
};

/** Attachment types (detected from the bytes) as people name them. */
export const ATTACHMENT_TYPE_LABEL: Record<string, string> = {
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/gif": "GIF image",
  "image/webp": "WebP image",
  "application/pdf": "PDF",
  "text/plain": "Text",
};
