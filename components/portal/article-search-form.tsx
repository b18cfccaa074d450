import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";

/** A plain GET form to /portal/search: works before (and without) JavaScript. */
export function ArticleSearchForm({ query = "", maxLength }: { query?: string; maxLength: number }) {
  return (
    <form action="/portal/search" method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="article-search" className="sr-only">
        Search help articles
      </label>
      <input
        id="article-search"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={maxLength}
        placeholder="For example: export, invoice, sign in"
        className={INPUT_CLASS}
      />
      <Button type="submit">Search</Button>
    </form>
  );
}
