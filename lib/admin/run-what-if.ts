import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { loadCurrentMatrix } from "@/lib/routing/matrix-store";
import { slaTargetOf } from "@/lib/routing/priority-matrix";
import { replayRules, settingCalendars, WhatIfReplay, type WhatIfComparison } from "@/lib/routing/what-if";
import { ZWhatIf } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminRead } from "./authorize";
import { countReplayTickets, loadReplayHistories, loadReplaySetting } from "./load-replay-histories";
import type { ReplayCursor } from "./replay-histories.sql";
import { calendarOfInput } from "@/lib/validation/calendar";

export interface WhatIfResult extends WhatIfComparison {
  currentVersion: number;
  period: { from: string; to: string };
  /** Seconds the replay took. */
  seconds: number;
}

export interface WhatIfProgress {
  done: number;
  total: number;
}

export interface WhatIfOptions {
  now?: Date;
  /** Told after each batch. */
  onProgress?: (progress: WhatIfProgress) => void | Promise<void>;
  /** Stops the replay between batches (the client went away or pressed Cancel). */
  signal?: AbortSignal;
}

/**
 * Checks who asks and what (403, 400 before anything runs), and loads both sides' rules; `run` then
 * replays every ticket created in the chosen period (whole days, UTC, both ends included) on the current
 * rules and on the draft, batch by batch. Reads only; publishes nothing.
 */
export async function planWhatIf(actor: Actor, input: VerbInput<typeof ZWhatIf>): Promise<{ run(options?: WhatIfOptions): Promise<WhatIfResult> }> {
  requireAdminRead(actor);
  const { from, to, draft, calendars: draftCalendars } = parseInput(ZWhatIf, input);
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000);
  const current = await loadCurrentMatrix(db());
  const setting = await loadReplaySetting(db());
  const unknown: Record<string, string[]> = {};
  for (const [i, c] of (draftCalendars ?? []).entries()) {
    if (!setting.calendars.has(c.slug)) unknown[`calendars.${i}.slug`] = [`${c.slug} is not a calendar in use (the default, an organization's, a group's or a vendor target's).`];
  }
  if (Object.keys(unknown).length) throw invalid(unknown);
  const drafts = new Map((draftCalendars ?? []).map((c) => [c.slug, calendarOfInput(c)]));
  const asTheyAre = settingCalendars(setting);
  const asDrafted = settingCalendars(setting, drafts);
  const draftTargets = draft.targets.map(slaTargetOf);
  const rules = {
    current: replayRules(current.matrix, current.targets, asTheyAre.calendars, asTheyAre.vendorTargets),
    draft: replayRules({ version: current.matrix.version + 1, cells: draft.cells }, draftTargets, asDrafted.calendars, asDrafted.vendorTargets),
  };
  return {
    run: async (options = {}) => {
      const startedAt = Date.now();
      const replay = new WhatIfReplay(rules, start, end, options.now ?? new Date(), drafts.size === 0);
      const total = await countReplayTickets(db(), start, end);
      let done = 0;
      // The next batch is read while this one is replayed (a batch left unread when cancelled must not go unhandled).
      const load = (cursor: ReplayCursor | null) => {
        const batch = loadReplayHistories(db(), start, end, cursor);
        batch.catch(() => {});
        return batch;
      };
      let next = load(null);
      for (;;) {
        const batch = await next;
        options.signal?.throwIfAborted();
        if (!batch.length) break;
        const last = batch[batch.length - 1]!;
        next = load({ createdAt: last.createdAt, id: last.id });
        replay.add(batch);
        done += batch.length;
        await options.onProgress?.({ done, total: Math.max(total, done) });
      }
      return { ...replay.finish(), currentVersion: current.matrix.version, period: { from, to }, seconds: Math.round((Date.now() - startedAt) / 100) / 10 };
    },
  };
}

/** The what-if in one call (the JSON API and tests). */
export async function runWhatIf(actor: Actor, input: VerbInput<typeof ZWhatIf>, options: WhatIfOptions = {}): Promise<WhatIfResult> {
  return (await planWhatIf(actor, input)).run(options);
}
