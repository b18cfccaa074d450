"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Siren } from "lucide-react";
import type { ActionResult } from "@/components/tickets/action-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import type { TicketLinkKind } from "@/lib/db/generated/enums";
import type { IncidentPanel, LinkedTicketJson } from "@/lib/incidents/incident-panel";
import { LINK_KIND_LABEL, STATUS_LABEL } from "@/lib/labels";

export interface LinksPanelActions {
  declare: (number: string) => Promise<ActionResult>;
  attach: (parent: string, child: string) => Promise<ActionResult>;
  detach: (parent: string, child: string) => Promise<ActionResult>;
  link: (number: string, input: { kind: TicketLinkKind; target: string }) => Promise<ActionResult>;
}

const SMALL = "px-2 py-1 text-xs";

function TicketLine({ ticket, children }: { ticket: LinkedTicketJson; children?: ReactNode }) {
  return (
    <li className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm">
      <Link href={`/queue/tickets/${ticket.number}`} className="shrink-0 whitespace-nowrap font-mono text-indigo-800 underline">
        {ticket.number}
      </Link>
      <span className="min-w-0 flex-1 truncate" title={ticket.title}>
        {ticket.title}
      </span>
      <span className="shrink-0 text-xs text-slate-700">{STATUS_LABEL[ticket.status]}</span>
      {children}
    </li>
  );
}

/** Links both ways, the major-incident badge, its children and affected counts, and the forms to change them. */
export function LinksPanel({ panel, actions }: { panel: IncidentPanel; actions: LinksPanelActions }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<{ ok: boolean; text: string } | null>(null);
  const [kind, setKind] = useState<TicketLinkKind>("RELATED");

  async function perform(action: () => Promise<ActionResult>): Promise<boolean> {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setFlash({ ok: result.ok, text: result.ok ? result.message : [result.message, ...Object.values(result.fields ?? {}).flat()].join(" ") });
    if (result.ok) router.refresh();
    return result.ok;
  }
  const submit = (run: (value: string) => Promise<ActionResult>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get("ticket") ?? "").trim();
    if (await perform(() => run(value))) form.reset();
  };
  const { affected } = panel;

  return (
    <section aria-labelledby="links-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-links-panel>
      <h2 id="links-heading" className="mb-2 flex items-center gap-2 font-semibold">
        Links
        {panel.isMajorIncident && (
          <span className="inline-flex items-center gap-1 rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
            <Siren aria-hidden className="h-3 w-3" /> Major incident
          </span>
        )}
      </h2>
      {flash && (
        <p role="status" className={`mb-2 text-sm ${flash.ok ? "text-green-800" : "text-red-700"}`}>
          {flash.text}
        </p>
      )}

      {panel.parent && (
        <div className="mb-3">
          <h3 className="text-sm font-medium">Part of major incident</h3>
          <ul className="mt-1">
            <TicketLine ticket={panel.parent}>
              <Button variant="secondary" className={SMALL} disabled={busy} onClick={() => void perform(() => actions.detach(panel.parent!.number, panel.number))}>
                Detach
              </Button>
            </TicketLine>
          </ul>
        </div>
      )}

      {panel.isMajorIncident && (
        <div className="mb-3">
          <h3 className="text-sm font-medium">
            Children: {panel.children.length} ({affected.openChildren} open)
          </h3>
          <p className="text-sm text-slate-700" data-affected>
            Affects {affected.customers} customer{affected.customers === 1 ? "" : "s"} in {affected.organizations} organization{affected.organizations === 1 ? "" : "s"}.
          </p>
          {panel.children.length > 0 && (
            <ul className="mt-1 space-y-1" aria-label="Child tickets">
              {panel.children.map((c) => (
                <TicketLine key={c.number} ticket={c}>
                  <span className="flex w-full min-w-0 items-center justify-between gap-2">
                    <span className="min-w-0 truncate text-xs text-slate-700" title={`${c.customer}${c.organization ? `, ${c.organization}` : ""}`}>
                      {c.customer}
                      {c.organization ? `, ${c.organization}` : ""}
                    </span>
                    <Button variant="ghost" className={SMALL} disabled={busy} onClick={() => void perform(() => actions.detach(panel.number, c.number))} aria-label={`Detach ${c.number}`}>
                      Detach
                    </Button>
                  </span>
                </TicketLine>
              ))}
            </ul>
          )}
          {panel.can.attach && (
            <form className="mt-2 flex min-w-0 gap-2" onSubmit={submit((child) => actions.attach(panel.number, child))}>
              <label className="sr-only" htmlFor="attach-child">
                Ticket number to attach
              </label>
              <input id="attach-child" name="ticket" placeholder="INC-000123" required className={`${INPUT_CLASS} min-w-0 flex-1`} />
              <Button type="submit" variant="secondary" className={SMALL} disabled={busy}>
                Attach child
              </Button>
            </form>
          )}
        </div>
      )}

      {!panel.isMajorIncident && !panel.parent && panel.status !== "CLOSED" && panel.status !== "RESOLVED" && (
        <form className="mb-3 flex min-w-0 gap-2" onSubmit={submit((parent) => actions.attach(parent, panel.number))}>
          <label className="sr-only" htmlFor="attach-parent">
            Major incident number
          </label>
          <input id="attach-parent" name="ticket" placeholder="Major incident number" required className={`${INPUT_CLASS} min-w-0 flex-1`} />
          <Button type="submit" variant="secondary" className={SMALL} disabled={busy}>
            Attach to it
          </Button>
        </form>
      )}

      <h3 className="text-sm font-medium">Linked tickets</h3>
      {panel.links.length === 0 ? (
        <p className="text-sm text-slate-700">None.</p>
      ) : (
        <ul className="mt-1 space-y-1" aria-label="Linked tickets">
          {panel.links.map((l) => (
            <TicketLine key={`${l.direction}-${l.number}`} ticket={l}>
              <Badge tone={l.kind === "DUPLICATE_OF" ? "amber" : "slate"}>
                {l.kind === "RELATED" ? "Related" : l.direction === "to" ? "Duplicate of" : "Its duplicate"}
              </Badge>
            </TicketLine>
          ))}
        </ul>
      )}
      {panel.can.link && (
        <form
          className="mt-2 flex min-w-0 flex-wrap gap-2"
          onSubmit={(event) => {
            if (kind === "DUPLICATE_OF" && !window.confirm(`Close ${panel.number} as a duplicate? Its customer is told where to follow.`)) return event.preventDefault();
            return submit((target) => actions.link(panel.number, { kind, target }))(event);
          }}
        >
          <label className="sr-only" htmlFor="link-kind">
            Link kind
          </label>
          <select id="link-kind" value={kind} onChange={(e) => setKind(e.target.value as TicketLinkKind)} className={`${INPUT_CLASS} w-auto`}>
            {(["RELATED", "DUPLICATE_OF"] as const).map((k) => (
              <option key={k} value={k}>
                {LINK_KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="link-target">
            Ticket number to link
          </label>
          <input id="link-target" name="ticket" placeholder="INC-000123" required className={`${INPUT_CLASS} min-w-0 flex-1`} />
          <Button type="submit" variant="secondary" className={SMALL} disabled={busy}>
            Link
          </Button>
        </form>
      )}

      {panel.can.declare && (
        <Button variant="danger" className={`mt-3 ${SMALL}`} disabled={busy} onClick={() => void perform(() => actions.declare(panel.number))}>
          Declare major incident
        </Button>
      )}
    </section>
  );
}
