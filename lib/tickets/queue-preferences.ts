import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { DEFAULT_HIDDEN_COLUMNS, ZHiddenColumns, ZQueuePreferences, type QueuePreferences } from "@/lib/validation/queue-preferences";

/** The columns this person hides, or the defaults until they choose; a stored list that no longer parses reads as the defaults. */
export async function getQueuePreferences(actor: Actor): Promise<QueuePreferences> {
  if (!can(actor, "queue:view")) throw forbidden();
  const row = await db().queuePreference.findUnique({ where: { userId: actor.id } });
  const stored = ZHiddenColumns.safeParse(row?.hiddenColumns);
  return { hiddenColumns: stored.success ? stored.data : DEFAULT_HIDDEN_COLUMNS };
}

/** Saves the columns this person hides (their own row only). */
export async function saveQueuePreferences(actor: Actor, input: VerbInput<typeof ZQueuePreferences>, now = new Date()): Promise<QueuePreferences> {
  if (!can(actor, "queue:view")) throw forbidden();
  const { hiddenColumns } = parseInput(ZQueuePreferences, input);
  await db().queuePreference.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, hiddenColumns, updatedAt: now },
    update: { hiddenColumns, updatedAt: now },
  });
  return { hiddenColumns };
}
