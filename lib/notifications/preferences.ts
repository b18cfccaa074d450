import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { NotificationKind } from "@/lib/db/generated/enums";
import { ZNotificationPreferences } from "@/lib/validation/notifications";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireNotificationReader } from "./authorize";

/**
 * The kinds mailed to a person who has not chosen: SLA alerts and mentions (the rest stay in the app).
 * The "mail_notifications" trigger of migration notifications says the same in its COALESCE; a test keeps both in step.
 */
export const MAIL_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set<NotificationKind>(["SLA_ALERTS", "MENTIONS"]);

export const NO_EMAIL_NOTICE = "In-app only: you have no email address.";

export interface NotificationPreferences {
  /** One per kind, in the enum's order. */
  kinds: { kind: NotificationKind; byMail: boolean; isDefault: boolean }[];
  /** Without an address nothing is mailed, whatever the choices. */
  hasEmail: boolean;
  /** Why nothing is mailed, or null. */
  notice: string | null;
}

/** This person's choice per kind of notification, the default where they have not chosen. */
export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferences> {
  requireNotificationReader(actor);
  const [rows, user] = await Promise.all([
    db().notificationPreference.findMany({ where: { userId: actor.id } }),
    db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } }),
  ]);
  const chosen = new Map(rows.map((row) => [row.kind, row.byMail]));
  const hasEmail = Boolean(user.email);
  return {
    kinds: Object.values(NotificationKind).map((kind) => {
      const byMail = chosen.get(kind);
      return byMail === undefined ? { kind, byMail: MAIL_BY_DEFAULT.has(kind), isDefault: true } : { kind, byMail, isDefault: false };
    }),
    hasEmail,
    notice: hasEmail ? null : NO_EMAIL_NOTICE,
  };
}

/** Saves the kinds named (each "in-app" or "mail"); the others keep their choice. Returns all of them. */
export async function updateNotificationPreferences(actor: Actor, input: VerbInput<typeof ZNotificationPreferences>, now = new Date()): Promise<NotificationPreferences> {
  requireNotificationReader(actor);
  const { kinds } = parseInput(ZNotificationPreferences, input);
  const entries = Object.entries(kinds) as [NotificationKind, "in-app" | "mail"][];
  await db().$transaction(
    entries.map(([kind, choice]) =>
      db().notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, byMail: choice === "mail", updatedAt: now },
        update: { byMail: choice === "mail", updatedAt: now },
      }),
    ),
  );
  return getNotificationPreferences(actor);
}
