import type { Metadata } from "next";
import Link from "next/link";
import { PhoneCall } from "lucide-react";
import { queueTitle } from "@/components/queue/labels";
import { QueueFilters } from "@/components/queue/queue-filters";
import { QueueLive } from "@/components/queue/queue-live";
import { QueryError } from "@/components/ui/query-error";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { findQueue, type QueuePage as Queue } from "@/lib/tickets/find-queue";
import { listQueueFilterOptions } from "@/lib/tickets/queue-filter-options";
import { getQueuePreferences } from "@/lib/tickets/queue-preferences";
import { queueSearchParams } from "@/lib/tickets/queue-url";
import { findSavedView, listSavedViews } from "@/lib/tickets/saved-views";
import { bulkQueueAction, createSavedViewAction, deleteSavedViewAction, renameSavedViewAction, saveColumnsAction } from "./actions";

export const metadata: Metadata = { title: "Queue" };

type SearchParams = Record<string, string | string[] | undefined>;

const ACTIONS = { bulk: bulkQueueAction, saveColumns: saveColumnsAction, createView: createSavedViewAction, renameView: renameSavedViewAction, deleteView: deleteSavedViewAction };

/** The queue, or the reason the URL's query cannot be shown (a bad filter, another tier). */
async function readQueue(actor: Parameters<typeof findQueue>[0], params: SearchParams): Promise<Queue | AppError> {
  try {
    return await findQueue(actor, params);
  } catch (error) {
    if (error instanceof AppError && (error.code === "VALIDATION" || error.code === "FORBIDDEN")) return error;
    throw error;
  }
}

/** ?saved=<id> opens one of this person's saved views: its query (the URL may add a page) and its columns. */
export default async function QueuePage({ searchParams }: PageProps<"/queue">) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const { saved: savedId, ...params } = await searchParams;
  const saved = savedId === undefined ? null : await findSavedView(actor, savedId);
  const cursor = typeof params.cursor === "string" && params.cursor ? params.cursor : null;
  const query = saved ? { ...saved.query, ...(cursor ? { cursor } : {}) } : params;
  const [queue, options, preferences, savedViews] = await Promise.all([readQueue(actor, query), listQueueFilterOptions(), getQueuePreferences(actor), listSavedViews(actor)]);
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

  return (
    <section aria-labelledby="queue-heading">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h1 id="queue-heading" className="min-w-0 text-xl font-bold break-words">
          {saved ? `${queueTitle(queue.tier)}: ${saved.name}` : queueTitle(queue.tier)}
        </h1>
        <Link
          href="/queue/new"
          className="inline-flex items-center gap-1 rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus:outline-none"
        >
          <PhoneCall aria-hidden className="h-4 w-4" />
          New ticket for a customer
        </Link>
      </div>
      <QueueFilters key={`filters?${queueSearchParams(queue.query)}`} query={queue.query} view={queue.view} tier={queue.tier} canChooseTier={canChooseTier} options={options} />
      <QueueLive
        key={`live?${saved ? `saved=${saved.id}&` : ""}${queueSearchParams({ ...queue.query, ...(cursor ? { cursor } : {}) })}`}
        initial={queue}
        cursor={cursor}
        hiddenColumns={saved ? saved.hiddenColumns : preferences.hiddenColumns}
        savedViews={savedViews.map((v) => ({ id: v.id, name: v.name, count: v.count, countCapped: v.countCapped }))}
        currentSaved={saved?.id ?? null}
        actions={ACTIONS}
        canAssign={actor.role === "MANAGER" || actor.role === "ADMIN"}
        groups={options.groups.filter((g) => g.tier !== "L4").map((g) => ({ slug: g.slug, name: `${g.name} (${g.tier})` }))}
      />
    </section>
  );
}
