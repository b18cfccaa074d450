import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { LogContactForm } from "@/components/tickets/log-contact-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCategories } from "@/lib/catalog/list-categories";
import { logContactAction } from "./actions";

export const metadata: Metadata = { title: "New ticket for a customer" };

export default async function NewTicketForCustomerPage() {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const categories = await listCategories();
  return (
    <section aria-labelledby="log-contact-heading" className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/queue" className="text-indigo-700 underline">
          ← Queue
        </Link>
      </p>
      <h1 id="log-contact-heading" className="mb-1 text-xl font-bold">
        New ticket for a customer
      </h1>
      <p className="mb-5 text-sm text-slate-700">
        Log a call, chat, email or visit. It enters L1 like any ticket; the customer gets the acknowledgement and sees it opened for them by Service Desk.
      </p>
      {/* A new key per page render: a double submit of this form is one ticket. */}
      <LogContactForm categories={categories} action={logContactAction} idempotencyKey={randomUUID()} canClaim={actor.role === "AGENT" && actor.tier === "L1"} />
    </section>
  );
}
