import { ArrowLeft, ArrowRight } from "lucide-react";
import Link from "next/link";

/** For the agent who handed the ticket on and has nothing left to do on it: where to go next. Props only. */
export function HandedOffPanel({ nextTicket }: { nextTicket: { number: string; title: string } | null }) {
  return (
    <nav aria-label="After the hand-off" className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm">
      <p className="w-full text-green-900 sm:w-auto">You handed this ticket on. You can still add internal notes below.</p>
      {nextTicket ? (
        <Link href={`/queue/tickets/${nextTicket.number}`} className="flex min-w-0 items-center gap-1 font-medium text-indigo-800 underline" title={nextTicket.title}>
          Next ticket in my queue <ArrowRight aria-hidden="true" className="h-4 w-4 shrink-0" />
          <span className="shrink-0 font-mono">{nextTicket.number}</span>
        </Link>
      ) : (
        <span className="text-slate-700">Your queue is empty.</span>
      )}
      <Link href="/queue" className="flex items-center gap-1 font-medium text-indigo-800 underline">
        <ArrowLeft aria-hidden="true" className="h-4 w-4 shrink-0" /> Back to queue
      </Link>
    </nav>
  );
}
