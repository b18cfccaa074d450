// Issue 24: the text of a received mail as a comment: quoted history and signature stripped (and kept, to
// be shown on request), characters PostgreSQL cannot store (NUL) and other control characters removed, cut
// to what a comment may hold.
import EmailReplyParser from "email-reply-parser";

/** Keeps tab and newline; drops NUL and the other C0/C1 control characters (and normalizes CRLF). */
export function storableText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

/** The reply without the quoted mail below it and without a signature. */
export function strippedReply(fullText: string): string {
  return storableText(new EmailReplyParser().read(storableText(fullText)).getVisibleText()).trim();
}

/** What strippedReply leaves out of the same mail: the quoted history and the signature ("" when there is none). */
export function strippedPart(fullText: string): string {
  return storableText(new EmailReplyParser().read(storableText(fullText)).filterText((fragment) => fragment.isHidden())).trim();
}

/**
 * What was stripped off a received mail's text, to show on request; null when nothing was, or when nothing was
 * left after stripping (the whole text was then posted).
 */
export function strippedOff(mail: { fullText: string | null; strippedText: string | null }): string | null {
  return (mail.fullText && mail.strippedText && strippedPart(mail.fullText)) || null;
}

/** Cut to `max` characters, saying so. */
export function fitText(text: string, max: number): string {
  const note = "\n\n[…cut: the full mail is kept with the received message]";
  return text.length <= max ? text : text.slice(0, max - note.length) + note;
}
