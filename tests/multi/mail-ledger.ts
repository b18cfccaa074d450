// Mail as the recipients get it, held against the outbox: each row the app sent arrived exactly once, at its
// address, and nothing arrived twice or without a row.
import type { Cluster } from "./cluster";
import { expect } from "./fixtures";

export interface OutboxRow {
  id: number;
  toAddress: string;
  status: string;
}

const messageIdOf = (rowId: number) => `<outbox-${rowId}@tierdesk>`;

/** Asserts each row was sent and received once, and that the sink holds no duplicate at all; returns how many of `rows` each instance sent. */
export async function expectEachMailOnce(cluster: Cluster, rows: OutboxRow[]): Promise<Record<string, number>> {
  const received = [...cluster.mail.received];
  const byMessageId = new Map<string, typeof received>();
  for (const message of received) byMessageId.set(message.messageId, [...(byMessageId.get(message.messageId) ?? []), message]);
  const duplicates = [...byMessageId].filter(([, copies]) => copies.length > 1).map(([id, copies]) => `${id} ×${copies.length}`);
  expect(duplicates, "messages received more than once").toEqual([]);

  // (A message of another journey may arrive a moment before its row is marked sent: existing is what counts.)
  const outbox = new Set((await cluster.sql.query<{ id: number }>(`SELECT "id" FROM "OutboxMessage"`)).rows.map((r) => messageIdOf(r.id)));
  expect(received.filter((m) => !outbox.has(m.messageId)).map((m) => m.messageId), "messages no outbox row accounts for").toEqual([]);

  const split: Record<string, number> = {};
  for (const row of rows) {
    expect(row.status, `outbox row ${row.id}`).toBe("SENT");
    const copies = byMessageId.get(messageIdOf(row.id)) ?? [];
    expect(copies.map((m) => m.to), `messages for outbox row ${row.id}`).toEqual([[row.toAddress]]);
    split[copies[0]!.sentBy] = (split[copies[0]!.sentBy] ?? 0) + 1;
  }
  return split;
}
