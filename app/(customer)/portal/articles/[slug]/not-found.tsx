import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="space-y-3">
      <h1 id="not-found-heading" className="text-xl font-bold">
        Article not found
      </h1>
      <p className="text-sm text-slate-700">
        There is no such help article. <Link href="/portal" className="text-indigo-800 underline">Search the help articles</Link> or open a ticket.
      </p>
    </section>
  );
}
