"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Markdown } from "@/components/ui/markdown";
import { articleHref } from "./article-list";
import { useArticleSuggestions } from "./use-article-suggestions";

/**
 * While a ticket is being written: articles that match its title and description. One opens in place;
 * "This solved it" records a deflected contact (no ticket is opened).
 */
export function ArticleSuggestions({ title, description }: { title: string; description: string }) {
  const articles = useArticleSuggestions(`${title} ${description}`);
  return (
    <div aria-live="polite">
      {articles.length > 0 && (
        <section aria-labelledby="suggestions-heading" className="rounded-lg border border-indigo-200 bg-indigo-50 p-4">
          <h3 id="suggestions-heading" className="mb-2 text-sm font-semibold text-indigo-950">
            These articles may solve it right away
          </h3>
          <ul className="space-y-2">
            {articles.map((a) => (
              <SuggestedArticle key={a.slug} slug={a.slug} title={a.title} excerpt={a.excerpt} query={title.trim() || description.trim().slice(0, 200)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

type Loaded = { status: "closed" } | { status: "loading" } | { status: "open"; body: string } | { status: "solved" } | { status: "error" };

function SuggestedArticle({ slug, title, excerpt, query }: { slug: string; title: string; excerpt: string; query: string }) {
  const [state, setState] = useState<Loaded>({ status: "closed" });
  const panelId = `suggestion-${slug}`;

  async function toggle() {
    if (state.status === "open") return setState({ status: "closed" });
    setState({ status: "loading" });
    const response = await fetch(`/api/v1/kb/articles/${slug}`);
    if (!response.ok) return setState({ status: "error" });
    const { article } = (await response.json()) as { article: { body: string } };
    setState({ status: "open", body: article.body });
  }

  async function solved() {
    const response = await fetch(`/api/v1/kb/articles/${slug}/deflections`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query }),
    });
    setState(response.ok ? { status: "solved" } : { status: "error" });
  }

  return (
    <li className="rounded-md border border-indigo-100 bg-white p-3">
      <button type="button" onClick={toggle} aria-expanded={state.status === "open"} aria-controls={panelId} className="text-left font-medium text-indigo-800 underline">
        {title}
      </button>
      {state.status === "closed" && excerpt && <p className="mt-1 text-sm text-slate-700">{excerpt}</p>}
      <div id={panelId} className="mt-2 space-y-3">
        {state.status === "loading" && <p className="text-sm text-slate-700">Opening…</p>}
        {state.status === "error" && <p role="alert" className="text-sm text-red-800">That did not work. Try again or <a className="underline" href={articleHref(slug, query)}>open the article</a>.</p>}
        {state.status === "open" && (
          <>
            <Markdown>{state.body}</Markdown>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="button" onClick={solved}>
                This solved it
              </Button>
              <a href={articleHref(slug, query)} className="text-sm text-indigo-800 underline">
                Open the full article
              </a>
            </div>
          </>
        )}
        {state.status === "solved" && (
          <p role="status" className="text-sm text-green-900">
            Glad it is solved. No ticket was opened; you can leave this form.
          </p>
        )}
      </div>
    </li>
  );
}
