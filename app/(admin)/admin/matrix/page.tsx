import type { Metadata } from "next";
import { MatrixEditor } from "@/components/admin/matrix-editor";
import { MatrixVersionHistory } from "@/components/admin/matrix-version-history";
import { listMatrixVersions } from "@/lib/admin/list-matrix-versions";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { getPriorityMatrix } from "@/lib/routing/priority-matrix";
import { publishMatrixAction } from "./actions";

export const metadata: Metadata = { title: "Priority matrix" };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export default async function MatrixPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const [current, versions] = await Promise.all([getPriorityMatrix(actor), listMatrixVersions(actor)]);
  const today = new Date();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-slate-900">Priority matrix and SLA targets</h1>
      <MatrixEditor
        current={current}
        canPublish={can(actor, "matrix:publish")}
        defaultPeriod={{ from: isoDay(new Date(today.getTime() - 30 * 86_400_000)), to: isoDay(today) }}
        onPublish={publishMatrixAction}
      />
      <MatrixVersionHistory versions={versions} />
    </div>
  );
}
