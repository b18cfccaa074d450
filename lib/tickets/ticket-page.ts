import type { Prisma } from "@/lib/db/generated/client";

/** One page of tickets, newest first, and the cursor of the next page (null on the last one). */
export interface KeysetPage<T> {
  tickets: T[];
  nextCursor: string | null;
}

/** What a page's read asks Prisma for; the caller adds its own `select` or `include`. */
export interface KeysetArgs {
  where: Prisma.TicketWhereInput;
  orderBy: { id: "desc" };
  take: number;
}

/**
 * Keyset paging over tickets, shared by every ticket list: newest first on the ticket id (ids rise with
 * creation), one row more than the page to know whether another follows. The cursor is the id of the
 * last ticket on the page: opaque to clients, stable under inserts. `where` must not constrain the id.
 */
export async function findTicketPage<Row extends { id: number }, T>(
  where: Prisma.TicketWhereInput,
  page: { cursor?: string; size: number },
  find: (args: KeysetArgs) => Promise<Row[]>,
  toJson: (row: Row) => T,
): Promise<KeysetPage<T>> {
  const rows = await find({
    where: { ...where, ...(page.cursor ? { id: { lt: Number(page.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: page.size + 1,
  });
  const kept = rows.slice(0, page.size);
  return { tickets: kept.map(toJson), nextCursor: rows.length > page.size ? String(kept[kept.length - 1]!.id) : null };
}
