import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { can } from "@/lib/permissions";
import { positiveInt4 } from "@/lib/validation/int4";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { DEFAULT_HIDDEN_COLUMNS, SAVED_VIEWS_MAX, ZCreateSavedView, ZHiddenColumns, ZRenameSavedView, ZSavedViewQuery, type QueueColumn } from "@/lib/validation/queue-preferences";
import type { QueueQuery } from "@/lib/validation/queue";
import { countQueue } from "./count-queue";

export interface SavedView {
  id: number;
  name: string;
  query: Omit<QueueQuery, "cursor" | "limit">;
  hiddenColumns: QueueColumn[];
  /** Open tickets it holds now, filters and search included, up to QUEUE_COUNT_CAP. */
  count: number;
  /** It holds more than `count`. */
  countCapped: boolean;
}

const ZViewId = positiveInt4("Unknown view.", true);
const duplicate = (name: string) => new AppError("CONFLICT", `You already have a view named “${name}”.`);

function toView(row: { id: number; name: string; query: unknown; hiddenColumns: unknown }): Omit<SavedView, "count" | "countCapped"> {
  const query = ZSavedViewQuery.safeParse(row.query);
  const hidden = ZHiddenColumns.safeParse(row.hiddenColumns);
  return { id: row.id, name: row.name, query: query.success ? query.data : {}, hiddenColumns: hidden.success ? hidden.data : DEFAULT_HIDDEN_COLUMNS };
}

function requireQueue(actor: Actor): void {
  if (!can(actor, "queue:view")) throw forbidden();
}

/** This person's saved views, by name, each with its count. Nobody sees another person's views. */
export async function listSavedViews(actor: Actor, now = new Date()): Promise<SavedView[]> {
  requireQueue(actor);
  const rows = await db().savedQueueView.findMany({ where: { ownerId: actor.id }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return Promise.all(
    rows.map(async (row) => {
      const view = toView(row);
      // A saved query that no longer fits this person's scope (a manager's tier view after a role change) counts 0.
      const { count, capped } = await countQueue(actor, view.query, now).catch((error: unknown) => {
        if (error instanceof AppError) return { count: 0, capped: false };
        throw error;
      });
      return { ...view, count, countCapped: capped };
    }),
  );
}

export async function createSavedView(actor: Actor, input: VerbInput<typeof ZCreateSavedView>, now = new Date()): Promise<Omit<SavedView, "count" | "countCapped">> {
  requireQueue(actor);
  const data = parseInput(ZCreateSavedView, input);
  const owned = await db().savedQueueView.count({ where: { ownerId: actor.id } });
  if (owned >= SAVED_VIEWS_MAX) throw new AppError("CONFLICT", `Keep at most ${SAVED_VIEWS_MAX} saved views: delete one first.`);
  try {
    const row = await db().savedQueueView.create({
      data: { ownerId: actor.id, name: data.name, query: data.query, hiddenColumns: data.hiddenColumns ?? DEFAULT_HIDDEN_COLUMNS, createdAt: now, updatedAt: now },
    });
    return toView(row);
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw duplicate(data.name);
    throw error;
  }
}

export async function renameSavedView(actor: Actor, id: unknown, input: VerbInput<typeof ZRenameSavedView>, now = new Date()): Promise<Omit<SavedView, "count" | "countCapped">> {
  requireQueue(actor);
  const viewId = parseInput(ZViewId, id);
  const { name } = parseInput(ZRenameSavedView, input);
  try {
    const { count } = await db().savedQueueView.updateMany({ where: { id: viewId, ownerId: actor.id }, data: { name, updatedAt: now } });
    if (count === 0) throw notFound("Saved view");
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw duplicate(name);
    throw error;
  }
  return toView(await db().savedQueueView.findUniqueOrThrow({ where: { id: viewId } }));
}

export async function deleteSavedView(actor: Actor, id: unknown): Promise<void> {
  requireQueue(actor);
  const viewId = parseInput(ZViewId, id);
  const { count } = await db().savedQueueView.deleteMany({ where: { id: viewId, ownerId: actor.id } });
  if (count === 0) throw notFound("Saved view");
}

/** One of this person's views, for the page that opens it; null when it is not theirs or gone. */
export async function findSavedView(actor: Actor, id: unknown): Promise<Omit<SavedView, "count" | "countCapped"> | null> {
  requireQueue(actor);
  const parsed = ZViewId.safeParse(id);
  if (!parsed.success) return null;
  const row = await db().savedQueueView.findFirst({ where: { id: parsed.data, ownerId: actor.id } });
  return row ? toView(row) : null;
}
