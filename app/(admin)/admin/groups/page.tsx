import type { Metadata } from "next";
import { CategoryEditor } from "@/components/admin/category-editor";
import { CreateGroupForm } from "@/components/admin/create-group-form";
import { GroupEditor } from "@/components/admin/group-editor";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { listCalendars } from "@/lib/admin/list-calendars";
import { listKbArticles } from "@/lib/admin/list-kb-articles";
import { listPeople } from "@/lib/admin/list-people";
import { listSupportGroups } from "@/lib/admin/list-support-groups";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { createCategoryAction, createGroupAction, deleteCategoryAction, deleteGroupAction, updateCategoryAction, updateGroupAction } from "./actions";

export const metadata: Metadata = { title: "Groups and categories" };

export default async function GroupsPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const [groups, categories, articles, { people }, calendarList] = await Promise.all([
    listSupportGroups(actor),
    listAdminCategories(actor),
    listKbArticles(actor),
    listPeople(actor),
    listCalendars(actor),
  ]);
  const calendars = calendarList.map((c) => ({ slug: c.slug, name: c.name }));
  const canWrite = can(actor, "admin:write");
  const agents = people.filter((p) => p.role === "AGENT" && p.active);
  const sopArticles = articles.filter((a) => a.audience === "AGENT").map((a) => ({ slug: a.slug, title: a.title }));
  const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
  const l2Groups = groups.filter((g) => g.tier === "L2").map((g) => ({ slug: g.slug, name: g.name }));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-slate-900">Groups and categories</h1>
      <section aria-label="Groups" className="space-y-3">
        {canWrite && <CreateGroupForm onCreate={createGroupAction} />}
        {groups.map((g) => (
          <GroupEditor key={g.slug} group={{ ...g, categories: g.categories.map((slug) => categoryName.get(slug) ?? slug) }} agents={agents.filter((a) => a.tier === g.tier)} calendars={calendars} canWrite={canWrite} onSave={updateGroupAction} onDelete={deleteGroupAction} />
        ))}
      </section>
      <section aria-labelledby="categories-heading" className="space-y-3">
        <h2 id="categories-heading" className="text-xl font-semibold text-slate-900">
          Categories
        </h2>
        {canWrite && <CategoryEditor sopArticles={sopArticles} l2Groups={l2Groups} canWrite onSave={createCategoryAction} />}
        {categories.map((c) => (
          <CategoryEditor key={c.slug} category={c} sopArticles={sopArticles} l2Groups={l2Groups} canWrite={canWrite} onSave={updateCategoryAction} onDelete={deleteCategoryAction} />
        ))}
      </section>
    </div>
  );
}
