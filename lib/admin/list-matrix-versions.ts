import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";
import { targetInputOf } from "@/lib/routing/priority-matrix";
import { requireAdminRead } from "./authorize";

export interface MatrixVersionView {
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: { userId: string; name: string } | null;
  cells: { impact: Impact; urgency: Urgency; priority: Priority }[];
  targets: ReturnType<typeof targetInputOf>[];
}

/** Every published version, newest first, with who published it and when: older versions stay readable. */
export async function listMatrixVersions(actor: Actor, limit = 50): Promise<MatrixVersionView[]> {
  requireAdminRead(actor);
  const versions = await db().priorityMatrixVersion.findMany({
    orderBy: { version: "desc" },
    take: limit,
    include: {
      publishedBy: { select: { userId: true, name: true } },
      cells: { select: { impact: true, urgency: true, priority: true } },
      targets: { orderBy: { priority: "asc" } },
    },
  });
  return versions.map((v) => ({
    version: v.version,
    note: v.note,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    cells: v.cells,
    targets: v.targets.map(targetInputOf),
  }));
}
