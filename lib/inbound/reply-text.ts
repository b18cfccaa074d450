// Issue 24: the text of a received mail as a comment: quoted history and signature stripped (and kept, to
// be shown on request), characters PostgreSQL cannot store (NUL) and other control characters removed, cut
// to what is kept and to what a comment may hold.
import EmailReplyParser from "email-reply-parser";

/** Keeps tab and newline; drops NUL and the other C0/C1 control characters (and normalizes CRLF). */
export function storableText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

/** The most of a mail's text that is read and kept; the raw message keeps the rest. */
export const MAIL_TEXT_MAX = 100_000;

export interface ReplyText {
  /** The whole text, cleaned, cut to MAIL_TEXT_MAX (saying so). */
  full: string;
  /** The reply without the quoted mail below it and without a signature. */
  reply: string;
  /** What was stripped off: quoted history and signature; null when nothing was, or when nothing was left (the whole text is then the reply). */
  quoted: string | null;
}

/** A received mail's text, parsed once (so a huge one costs one bounded parse, on arrival, and never when it is shown). */
export function splitReply(text: string): ReplyText {
  const clean = storableText(text).trim();
  const email = new EmailReplyParser().read(clean.slice(0, MAIL_TEXT_MAX));
  const reply = storableText(email.getVisibleText()).trim();
  const quoted = storableText(email.filterText((fragment) => fragment.isHidden())).trim();
  return { full: fitText(clean, MAIL_TEXT_MAX), reply: fitText(reply, MAIL_TEXT_MAX), quoted: reply && quoted ? fitText(quoted, MAIL_TEXT_MAX) : null };
}

/** Cut to `max` characters, saying so. */
export function fitText(text: string, max: number): string {
  const note = "\n\n[…cut: the full mail is kept with the received message]";
  return text.length <= max ? text : text.slice(0, max - note.length) + note;
}
