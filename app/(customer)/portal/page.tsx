import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ArticleSearchForm } from "@/components/portal/article-search-form";
import { PopularArticles } from "@/components/portal/popular-articles";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCategories } from "@/lib/catalog/list-categories";
import { listPopularCategoryArticles } from "@/lib/kb/popular-articles";
import { SEARCH_QUERY_MAX } from "@/lib/validation/kb";
import { createTicketAction } from "./actions";

export const metadata: Metadata = { title: "Support portal" };

/** A follow-up's earlier ticket, when the link from a closed ticket names one (anything else is ignored). */
const followUpParam = (value: string | string[] | undefined) => (typeof value === "string" && /^(INC|REQ)-\d{6,}$/.test(value) ? value : undefined);

export default async function PortalPage({ searchParams }: PageProps<"/portal">) {
  await requirePageActor(["CUSTOMER"]);
  const [categories, popular] = await Promise.all([listCategories(), listPopularCategoryArticles()]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="help-heading" className="space-y-4">
        <h1 id="help-heading" className="text-xl font-bold">
          How can we help?
        </h1>
        <ArticleSearchForm maxLength={SEARCH_QUERY_MAX} />
        {popular.length > 0 && (
          <section aria-labelledby="popular-heading" className="space-y-2">
            <h2 id="popular-heading" className="text-base font-semibold">
              Popular topics
            </h2>
            <PopularArticles groups={popular} />
          </section>
        )}
      </section>
      <section aria-labelledby="new-ticket-heading">
        <h2 id="new-ticket-heading" className="mb-1 text-xl font-bold">
          New ticket
        </h2>
        <p className="mb-5 text-sm text-slate-700">Tell us what happened or what you need. Our service desk picks it up first.</p>
        {/* A new key per page render: a double submit of this form is one ticket. */}
        <NewTicketForm categories={categories} action={createTicketAction} idempotencyKey={randomUUID()} followUpOf={followUpParam((await searchParams).related)} />
      </section>
    </div>
  );
}
