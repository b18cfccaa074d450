import type { Metadata } from "next";
import Link from "next/link";
import { InboundMailCard } from "@/components/inbound/inbound-mail-card";
import { QueryError } from "@/components/ui/query-error";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { listInboundMail, type InboundMailPage } from "@/lib/inbound/list-inbound-mail";
import { acceptInboundMailAction, discardInboundMailAction } from "./actions";

export const metadata: Metadata = { title: "Inbound mail" };

const ACTIONS = { accept: acceptInboundMailAction, discard: discardInboundMailAction };

async function readPage(actor: Parameters<typeof listInboundMail>[0], cursor: string | undefined): Promise<InboundMailPage | AppError> {
  try {
    return await listInboundMail(actor, cursor ? { cursor } : {});
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return error;
    throw error;
  }
}

/** Mail replies that could not safely be posted, newest first, a page at a time (?cursor=): accept each onto a ticket, or discard it. */
export default async function InboundMailReviewPage({ searchParams }: PageProps<"/inbound">) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const { cursor } = await searchParams;
  const page = await readPage(actor, typeof cursor === "string" ? cursor : undefined);

  return (
    <section aria-labelledby="inbound-heading" className="min-w-0 space-y-4">
      <div className="space-y-1">
        <h1 id="inbound-heading" className="text-xl font-bold">
          Inbound mail
        </h1>
        <p className="text-sm text-slate-700">Replies by mail that were not posted on their own: a sender who is not the ticket&apos;s customer, no match, a closed ticket. Nothing here has been answered.</p>
      </div>
      {page instanceof AppError ? (
        <QueryError error={page} back="/inbound" backLabel="Show the newest held mail" what="inbound mail link" />
      ) : (
        <>
          {page.items.length === 0 ? (
            <p className="text-sm text-slate-700">{cursor ? "No older held mail." : "No held mail: every reply found its ticket."}</p>
          ) : (
            <ul className="space-y-3" aria-label="Held mail">
              {page.items.map((mail) => (
                <InboundMailCard key={mail.id} mail={mail} actions={ACTIONS} />
              ))}
            </ul>
          )}
          <p className="flex gap-4 text-sm">
            {cursor && (
              <Link href="/inbound" className="font-medium text-indigo-800 underline-offset-2 hover:underline">
                Newest
              </Link>
            )}
            {page.nextCursor && (
              <Link href={`/inbound?cursor=${encodeURIComponent(page.nextCursor)}`} className="font-medium text-indigo-800 underline-offset-2 hover:underline">
                Load more
              </Link>
            )}
          </p>
        </>
      )}
    </section>
  );
}
