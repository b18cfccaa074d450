import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { idCursor } from "@/lib/validation/int4";
import { requirePageActor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const cursor = (await searchParams).cursor;
  const { events, nextCursor } = await listAuditEvents(actor, idCursor().safeParse(cursor).success ? { cursor } : {});
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Audit trail</h1>
      <p className="text-sm text-slate-700">Every admin change, newest first. Entries are never edited or removed.</p>
      <AuditTable events={events} nextHref={nextCursor ? `/admin/audit?cursor=${nextCursor}` : null} />
    </div>
  );
}
