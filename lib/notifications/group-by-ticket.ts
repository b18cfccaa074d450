/** Notifications about one ticket, in the order they came (newest first). */
export interface TicketGroup<T> {
  ticket: T extends { ticket: infer K } ? K : never;
  items: T[];
}

/**
 * Groups a newest-first list by ticket: each ticket once, where its newest notification stands, with all of
 * its notifications under it (newest first). A ticket with one notification is a group of one.
 */
export function groupByTicket<T extends { ticket: { number: string } }>(items: T[]): TicketGroup<T>[] {
  const groups = new Map<string, TicketGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.ticket.number);
    if (group) group.items.push(item);
    else groups.set(item.ticket.number, { ticket: item.ticket as TicketGroup<T>["ticket"], items: [item] });
  }
  return [...groups.values()];
}
