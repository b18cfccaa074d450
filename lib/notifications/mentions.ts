// Mentions in internal notes, as pure functions: which user IDs a note names with `@`, the sentence that
// names each one (all a mentioned person is told of the note), and the line the writer reads afterwards.

/** The longest sentence a mention carries; a longer one is cut around the mention. */
export const MENTION_SENTENCE_MAX = 240;

export interface Mention {
  /** The user ID as written (user IDs match in any case). */
  userId: string;
  /** The sentence of the note that contains the mention, trimmed, at most MENTION_SENTENCE_MAX characters. */
  sentence: string;
}

/** What the writer of a note learns: who was told, who was not and why. */
export interface MentionReport {
  notified: string[];
  notNotified: { userId: string; reason: string }[];
}

/**
 * `@` opens a mention at the start of the note or after anything that cannot be part of a user ID or an
 * address (whitespace, brackets, commas…): `a@b.com` is an address, not a mention. A user ID is 2–32
 * letters, digits, dots, dashes or underscores starting with a letter or digit (lib/validation/admin.ts);
 * dots, dashes and underscores at its end are read as punctuation ("ask @l2agent."). A token followed by
 * `@` is an address too (`@l2agent@example.com`).
 */
const MENTION = /(?<![A-Za-z0-9._@-])@([A-Za-z0-9][A-Za-z0-9._-]*)/g;
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
/** The end of a sentence: . ! ? (a run of them) before whitespace or the end, or a line break. */
const SENTENCE_END = /[.!?]+(?=\s|$)|\n/g;

/** The distinct user IDs `body` mentions (the first spelling of each, in order), each with its first sentence. */
export function findMentions(body: string): Mention[] {
  const ends = [...body.matchAll(SENTENCE_END)].map((m) => ({ at: m.index, end: m.index + (m[0] === "\n" ? 0 : m[0].length) }));
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const match of body.matchAll(MENTION)) {
    const raw = match[1]!;
    const userId = raw.replace(/[._-]+$/, "");
    if (body[match.index + 1 + raw.length] === "@" || !USER_ID.test(userId)) continue;
    const key = userId.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    // The sentence around the mention: from the end of the previous sentence to the end of this one.
    const before = ends.filter((e) => e.at < match.index).at(-1);
    const after = ends.find((e) => e.at >= match.index + 1 + userId.length);
    const start = before ? (body[before.at] === "\n" ? before.at + 1 : before.end) : 0;
    mentions.push({ userId, sentence: capAround(body.slice(start, after ? after.end : body.length), match.index - start) });
  }
  return mentions;
}

/** `text` trimmed with runs of whitespace made one space; beyond the cap, a window around `at` with ellipses. */
function capAround(text: string, at: number): string {
  const clean = text.trim().replace(/\s+/g, " ");
  if (clean.length <= MENTION_SENTENCE_MAX) return clean;
  const position = text.slice(0, at).trimStart().replace(/\s+/g, " ").length;
  const room = MENTION_SENTENCE_MAX - 2;
  const from = Math.max(0, Math.min(position - Math.floor(room / 3), clean.length - room));
  const to = from + room;
  return `${from > 0 ? "…" : ""}${clean.slice(from, to).trim()}${to < clean.length ? "…" : ""}`;
}

/** Why a mentioned person was not told. */
export const NOT_TOLD = {
  unknown: "no such user",
  customer: "a customer cannot see internal notes",
  inactive: "deactivated",
  self: "you wrote the note",
} as const;

/** The status line the writer reads after posting a note with mentions. */
export function describeMentionReport(report: MentionReport): string {
  const parts: string[] = [];
  if (report.notified.length) parts.push(`Told: ${report.notified.join(", ")}.`);
  if (report.notNotified.length) parts.push(`Not told: ${report.notNotified.map((n) => `${n.userId} (${n.reason})`).join(", ")}.`);
  return parts.join(" ");
}
