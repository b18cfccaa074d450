import type { Metadata } from "next";
import { OutboxTable } from "@/components/admin/outbox-table";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/mail/list-outbox";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const messages = await listOutbox(actor);
  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading" className="mb-2 text-xl font-bold">
        Outbox
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        Mail to customers, newest {OUTBOX_PAGE_SIZE}. The worker sends it every 10 seconds over SMTP when SMTP_URL is set; without it, mail stays here.
      </p>
      {messages.length ? <OutboxTable messages={messages} /> : <p className="text-sm text-slate-700">No mail yet.</p>}
    </section>
  );
}
