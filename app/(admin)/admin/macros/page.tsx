import type { Metadata } from "next";
import { MANUAL_STATUSES } from "@/lib/validation/routing";
import { MacroList } from "@/components/admin/macro-list";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listMacros } from "@/lib/macros/list-macros";
import { PLACEHOLDERS } from "@/lib/validation/macro-placeholders";
import { can } from "@/lib/permissions";

import { createMacroAction, deleteMacroAction, updateMacroAction } from "./actions";

export const metadata: Metadata = { title: "Macros" };

export default async function MacrosPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const [macros, categories] = await Promise.all([listMacros(actor), listAdminCategories(actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Macros</h1>
      <p className="text-sm text-slate-700">
        Canned replies and notes agents apply from the ticket composer (button or <kbd className="rounded border border-slate-400 px-1 font-mono">m</kbd>): the text is filled for the ticket and sent only after the agent reviews it. Uses count replies actually sent.
      </p>
      <MacroList
        macros={macros}
        categories={categories.map((c) => ({ slug: c.slug, name: c.name }))}
        statuses={MANUAL_STATUSES}
        placeholders={[...PLACEHOLDERS]}
        canWrite={can(actor, "admin:write")}
        onCreate={createMacroAction}
        onUpdate={updateMacroAction}
        onDelete={deleteMacroAction}
      />
    </div>
  );
}
