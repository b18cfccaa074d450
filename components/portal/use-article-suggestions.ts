"use client";

import { useEffect, useState } from "react";
import type { ArticleSummary } from "@/lib/kb/article-json";

const DEBOUNCE_MS = 350;
const MIN_CHARS = 3;

/** Customer articles matching `text`, asked for once the customer pauses typing (stale answers are dropped). */
export function useArticleSuggestions(text: string): ArticleSummary[] {
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const query = text.trim().slice(0, 200);
  useEffect(() => {
    if (query.length < MIN_CHARS) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/kb/articles?limit=3&q=${encodeURIComponent(query)}`, { signal: abort.signal });
        if (response.ok) setArticles(((await response.json()) as { articles: ArticleSummary[] }).articles);
      } catch {
        // Aborted by newer typing, or offline: suggestions are a help, never in the way.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);
  return query.length < MIN_CHARS ? [] : articles;
}
