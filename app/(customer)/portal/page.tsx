import type { Metadata } from "next";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCategories } from "@/lib/catalog/list-categories";
import { createTicketAction } from "./actions";

export const metadata: Metadata = { title: "New ticket" };

export default async function PortalPage() {
  await requirePageActor(["CUSTOMER"]);
  const categories = await listCategories();
  return (
    <section aria-labelledby="new-ticket-heading">
      <h1 id="new-ticket-heading" className="mb-1 text-xl font-bold">
        New ticket
      </h1>
      <p className="mb-5 text-sm text-slate-700">Tell us what happened or what you need. Our service desk picks it up first.</p>
      <NewTicketForm categories={categories} action={createTicketAction} />
    </section>
  );
}
