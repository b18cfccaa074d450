import type { Metadata } from "next";
import { queueTitle } from "@/components/queue/labels";
import { QueueFilters } from "@/components/queue/queue-filters";
import { QueueLive } from "@/components/queue/queue-live";
import { QueryError } from "@/components/ui/query-error";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { findQueue, type QueuePage as Queue } from "@/lib/tickets/find-queue";
import { listQueueFilterOptions } from "@/lib/tickets/queue-filter-options";
import { queueSearchParams } from "@/lib/tickets/queue-url";

export const metadata: Metadata = { title: "Queue" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The queue, or the reason the URL's query cannot be shown (a bad filter, another tier). */
async function readQueue(actor: Parameters<typeof findQueue>[0], params: SearchParams): Promise<Queue | AppError> {
  try {
    return await findQueue(actor, params);
  } catch (error) {
    if (error instanceof AppError && (error.code === "VALIDATION" || error.code === "FORBIDDEN")) return error;
    throw error;
  }
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const params = await searchParams;
  const [queue, options] = await Promise.all([readQueue(actor, params), listQueueFilterOptions()]);
  const canChooseTier = actor.role !== "AGENT";

  if (queue instanceof AppError) {
    return (
      <section aria-labelledby="queue-heading">
        <h1 id="queue-heading" className="mb-4 text-xl font-bold">
          Queue
        </h1>
        <QueryError error={queue} back="/queue" backLabel="Open your queue" what="queue link" />
      </section>
    );
  }

  const cursor = typeof params.cursor === "string" && params.cursor ? params.cursor : null;
  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading" className="mb-4 text-xl font-bold">
        {queueTitle(queue.tier)}
      </h1>
      <QueueFilters key={`filters?${queueSearchParams(queue.query)}`} query={queue.query} view={queue.view} tier={queue.tier} canChooseTier={canChooseTier} options={options} />
      <QueueLive key={`live?${queueSearchParams({ ...queue.query, ...(cursor ? { cursor } : {}) })}`} initial={queue} cursor={cursor} />
    </section>
  );
}
