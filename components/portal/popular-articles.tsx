import type { CategoryArticles } from "@/lib/kb/popular-articles";
import { ArticleList } from "./article-list";

export function PopularArticles({ groups }: { groups: CategoryArticles[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {groups.map((g) => (
        <section key={g.category.slug} aria-labelledby={`popular-${g.category.slug}`}>
          <h3 id={`popular-${g.category.slug}`} className="mb-2 text-sm font-semibold text-slate-800">
            {g.category.name}
          </h3>
          <ArticleList articles={g.articles} />
        </section>
      ))}
    </div>
  );
}
