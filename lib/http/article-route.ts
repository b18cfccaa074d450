/** The context Next.js gives handlers under /api/v1/kb/articles/[slug]/. */
export interface ArticleRouteContext {
  params: Promise<{ slug: string }>;
}
