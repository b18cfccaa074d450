import type { Transaction } from "@/lib/db/client";
import { invalid } from "@/lib/errors";

/**
 * The id of the calendar an organization or group is to run on: a slug, or null for the matrix version's.
 * The calendar's row is locked (FOR SHARE) until the caller commits, so a concurrent delete of it waits and then
 * sees the new reference (409) instead of pulling it away under us. An unknown slug is a 400 on `calendar`.
 */
export async function calendarIdOfChoice(tx: Transaction, slug: string | null): Promise<string | null> {
  if (slug === null) return null;
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "SupportCalendar" WHERE "slug" = ${slug} FOR SHARE`;
  if (!row) throw invalid({ calendar: [`No calendar ${slug}: choose one of the calendars, or the matrix default.`] });
  return row.id;
}
