import type { QueueQuery } from "@/lib/validation/queue";

const ORDER: (keyof QueueQuery)[] = ["view", "tier", "status", "priority", "category", "group", "q", "sort", "dir", "cursor", "limit"];

/** The query string of a queue URL: given parameters only, in a fixed order, so equal queries give equal URLs. */
export function queueSearchParams(query: Partial<QueueQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}

/** A link to the queue: `query` with `changes` applied (undefined removes a parameter). */
export function queueHref(query: Partial<QueueQuery>, changes: Partial<QueueQuery> = {}): string {
  const params = queueSearchParams({ ...query, ...changes });
  const search = params.toString();
  return search ? `/queue?${search}` : "/queue";
}
