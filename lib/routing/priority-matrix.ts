import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZPriorityMatrix, type PriorityMatrixInput } from "@/lib/validation/routing";
import { loadCurrentMatrix } from "./matrix-store";
import type { SlaTargetData } from "./sla";

const STAFF = ["AGENT", "MANAGER", "ADMIN"];

export async function getPriorityMatrix(actor: Actor) {
  if (!STAFF.includes(actor.role)) throw forbidden("The priority matrix is for support staff.");
  const current = await loadCurrentMatrix(db());
  return {
    version: current.matrix.version,
    cells: current.matrix.cells.map(({ impact, urgency, priority }) => ({ impact, urgency, priority })),
    targets: current.targets.map(targetInputOf).sort((a, b) => a.priority.localeCompare(b.priority)),
  };
}

/** A stored SLA target in the shape the API and the editor use. */
export function targetInputOf(t: SlaTargetData) {
  return {
    priority: t.priority,
    firstResponseMinutes: t.firstResponseMinutes,
    resolutionMinutes: t.resolutionMinutes,
    updateEveryMinutes: t.updateEveryMinutes,
    tierBudgetMinutes: { L1: t.l1BudgetMinutes, L2: t.l2BudgetMinutes, L3: t.l3BudgetMinutes },
    businessHours: t.clock === "BUSINESS_HOURS",
  };
}

/** An SLA target as the API and the editor give it, in the stored shape: the inverse of `targetInputOf`. */
export function slaTargetOf(t: PriorityMatrixInput["targets"][number]): SlaTargetData {
  return {
    priority: t.priority,
    firstResponseMinutes: t.firstResponseMinutes,
    resolutionMinutes: t.resolutionMinutes,
    updateEveryMinutes: t.updateEveryMinutes,
    l1BudgetMinutes: t.tierBudgetMinutes.L1,
    l2BudgetMinutes: t.tierBudgetMinutes.L2,
    l3BudgetMinutes: t.tierBudgetMinutes.L3,
    clock: t.businessHours ? "BUSINESS_HOURS" : "ALWAYS",
  };
}

/** Publishing makes a new version; tickets already classified keep theirs. Managers and admins only. */
export async function publishPriorityMatrix(actor: Actor, input: VerbInput<typeof ZPriorityMatrix>) {
  if (!can(actor, "matrix:publish")) throw forbidden("Only managers and admins publish the priority matrix.");
  const data = parseInput(ZPriorityMatrix, input);
  try {
    await publish(actor, data);
  } catch (error) {
    // Two managers publishing at once both derive the same next number: the unique version refuses one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone published another version meanwhile. Reload the matrix and try again.");
    }
    throw error;
  }
  return getPriorityMatrix(actor);
}

async function publish(actor: Actor, data: PriorityMatrixInput): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await tx.priorityMatrixVersion.findFirst({
      orderBy: { version: "desc" },
      select: { version: true, calendarId: true, note: true, cells: { select: { impact: true, urgency: true, priority: true } }, targets: true },
    });
    if (!current) throw new Error("No matrix to derive the calendar from: seed the database first.");
    if (data.version !== undefined && data.version !== current.version) {
      throw new AppError("CONFLICT", `Version ${current.version} was published after the version ${data.version} you edited. Reload and try again.`, undefined, {
        currentVersion: current.version,
      });
    }
    // A unique version number: two managers publishing at once cannot both get the same one.
    const created = await tx.priorityMatrixVersion.create({
      data: {
        version: current.version + 1,
        note: data.note ?? "",
        calendarId: current.calendarId,
        publishedById: actor.id,
        cells: { create: data.cells },
        targets: {
          create: data.targets.map(slaTargetOf),
        },
      },
    });
    await recordAuditEvent(tx, actor, {
      entity: "PriorityMatrix",
      entityId: created.id,
      action: "publish",
      before: { version: current.version, note: current.note, cells: current.cells, targets: current.targets.map(targetInputOf) },
      after: { version: created.version, note: created.note, cells: data.cells, targets: data.targets },
    });
  });
}
