import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import { AUDIENCE_LABEL } from "@/lib/labels";
import { listKbArticles } from "@/lib/admin/list-kb-articles";
import { listCategories } from "@/lib/catalog/list-categories";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Knowledge base" };

export default async function KbListPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const [articles, categories] = await Promise.all([listKbArticles(actor), listCategories()]);
  const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-semibold text-slate-900">Knowledge base</h1>
        {can(actor, "admin:write") && (
          <Link href="/admin/kb/new" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800">
            New article
          </Link>
        )}
      </div>
      <TableScroll label="Articles">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">Title</th>
            <th scope="col" className="p-2">Audience</th>
            <th scope="col" className="p-2">Category</th>
            <th scope="col" className="p-2">Published</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.slug} className="border-b border-slate-100">
              <th scope="row" className="min-w-40 p-2 text-left font-normal wrap-anywhere">
                <Link href={`/admin/kb/${a.slug}`} className="text-indigo-800 underline">
                  {a.title}
                </Link>
              </th>
              <td className="p-2">{AUDIENCE_LABEL[a.audience]}</td>
              <td className="p-2">{a.category ? (categoryName.get(a.category) ?? a.category) : "—"}</td>
              <td className="p-2">{a.published ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </div>
  );
}
