// Issue 24: the text of a received mail as a comment: quoted history and signature stripped, characters
// PostgreSQL cannot store (NUL) and other control characters removed, cut to what a comment may hold.
import EmailReplyParser from "email-reply-parser";

/** Keeps tab and newline; drops NUL and the other C0/C1 control characters (and normalizes CRLF). */
export function storableText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

/** The reply without the quoted mail below it and without a signature. */
export function strippedReply(fullText: string): string {
  return storableText(new EmailReplyParser().read(storableText(fullText)).getVisibleText()).trim();
}

/** Cut to `max` characters, saying so. */
export function fitText(text: string, max: number): string {
  const note = "\n\n[…cut: the full mail is kept with the received message]";
  return text.length <= max ? text : text.slice(0, max - note.length) + note;
}
