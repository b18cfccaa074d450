"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { InboundMailJson } from "@/lib/inbound/inbound-mail-json";
import { QuotedText } from "./quoted-text";
import type { InboundActionResult, InboundMailActions } from "./inbound-mail-actions";

/**
 * One held mail: when, from whom, its subject, its stripped text (as plain text: React escapes it, nothing is
 * rendered as HTML) with what was stripped off it on request, why it is held and the ticket it matched; accept it as the customer's reply on a ticket, or
 * discard it. On success the page re-renders without it. Props only.
 */
export function InboundMailCard({ mail, actions }: { mail: InboundMailJson; actions: InboundMailActions }) {
  const [ticket, setTicket] = useState(mail.ticketNumber ?? "");
  const [result, setResult] = useState<InboundActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const headingId = `${id}-subject`;
  const ticketError = result && !result.ok ? result.fields?.ticket?.join(" ") : undefined;
  const subject = mail.subject?.trim() || "(no subject)";
  const text = mail.strippedText ?? mail.fullText;

  function accept(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => setResult(await actions.accept(mail.id, { ticket: ticket.trim() })));
  }
  function discard() {
    startTransition(async () => setResult(await actions.discard(mail.id)));
  }

  return (
    <li aria-labelledby={headingId} className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="min-w-0 space-y-1">
        <h2 id={headingId} className="font-semibold break-words text-slate-900">
          {subject}
        </h2>
        <p className="text-sm break-words text-slate-700">
          From <span className="font-medium">{mail.fromAddress ?? "an unknown sender"}</span> · received <ZonedTime kind="moment" at={mail.receivedAt} />
          {mail.ticketNumber && (
            <>
              {" "}
              · matched <span className="font-medium">{mail.ticketNumber}</span>
            </>
          )}
        </p>
        <p className="text-sm break-words text-amber-900">
          <span className="font-medium">Held: </span>
          {mail.reason}
        </p>
      </div>
      {text ? (
        <div className="min-w-0">
          <p className="max-h-64 overflow-y-auto rounded-md bg-slate-50 p-3 text-sm break-words whitespace-pre-wrap text-slate-800">{text}</p>
          {mail.quotedText && <QuotedText text={mail.quotedText} />}
        </div>
      ) : (
        <p className="text-sm text-slate-600">This mail holds no text.</p>
      )}
      <div className="flex min-w-0 flex-wrap items-end gap-2">
        <form onSubmit={accept} noValidate className="flex min-w-0 flex-wrap items-end gap-2" aria-label={`Accept: ${subject}`}>
          <div className="min-w-0 space-y-1">
            <label htmlFor={`${id}-ticket`} className="block text-sm font-medium text-slate-800">
              Accept as reply on ticket
            </label>
            <input
              id={`${id}-ticket`}
              value={ticket}
              onChange={(e) => setTicket(e.target.value)}
              placeholder="INC-000042"
              autoComplete="off"
              spellCheck={false}
              maxLength={20}
              aria-invalid={ticketError ? true : undefined}
              aria-describedby={result && !result.ok ? `${id}-result` : undefined}
              className="w-40 max-w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
          </div>
          <Button type="submit" disabled={pending} className="px-3 py-1">
            Accept
          </Button>
        </form>
        <Button type="button" variant="secondary" disabled={pending} onClick={discard} className="px-3 py-1" aria-label={`Discard: ${subject}`}>
          Discard
        </Button>
      </div>
      {result && !result.ok && (
        <p id={`${id}-result`} role="alert" className="text-sm break-words text-red-800">
          {result.message}
          {ticketError && ticketError !== result.message ? ` ${ticketError}` : ""}
        </p>
      )}
      {result?.ok && (
        <p role="status" className="text-sm text-green-800">
          {result.message}
        </p>
      )}
    </li>
  );
}
