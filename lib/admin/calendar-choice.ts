import type { Transaction } from "@/lib/db/client";
import type { Priority } from "@/lib/db/generated/enums";
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

/** Vendor targets with their calendars' ids (each calendar locked FOR SHARE, as above); an unknown slug is a 400 on `vendorTargets`. */
export async function vendorTargetRows(
  tx: Transaction,
  targets: { priority: Priority; responseMinutes: number; resolutionMinutes: number; calendar: string }[],
): Promise<{ priority: Priority; responseMinutes: number; resolutionMinutes: number; calendarId: string }[]> {
  const slugs = [...new Set(targets.map((t) => t.calendar))];
  const rows = slugs.length ? await tx.$queryRaw<{ id: string; slug: string }[]>`SELECT "id", "slug" FROM "SupportCalendar" WHERE "slug" = ANY(${slugs}::text[]) FOR SHARE` : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = slugs.filter((s) => !ids.has(s));
  if (unknown.length) throw invalid({ vendorTargets: [`No calendar ${unknown.join(", ")}: choose one of the calendars, or 24x7.`] });
  return targets.map(({ calendar, ...t }) => ({ ...t, calendarId: ids.get(calendar)! }));
}
