/** How much of the recent past a reconnecting stream can catch up on. */
export interface ReplayLimits {
  maxEntries: number;
  maxAgeMs: number;
}

export type ReplayAnswer<T> = { kind: "resume"; entries: { seq: number; item: T }[] } | { kind: "refetch" };

/**
 * The last changes this instance heard, numbered in the order they came (1, 2, 3 …), kept while they are few and
 * recent enough. A stream that reconnects with the number it saw last gets what came after it, or, when some of
 * that is gone (pushed out, too old, or lost while the LISTEN connection was down), is told to fetch afresh.
 */
export class ReplayWindow<T> {
  private readonly entries: { seq: number; at: number; item: T }[] = [];
  private head = 0;
  private last = 0;
  /** The lowest number a stream may have seen last and still resume from: everything after it is here. */
  private horizon = 0;

  constructor(private readonly limits: ReplayLimits) {}

  /** The number of the newest change (0 before the first). */
  get lastSeq(): number {
    return this.last;
  }

  push(item: T, nowMs: number): number {
    this.last += 1;
    this.entries.push({ seq: this.last, at: nowMs, item });
    this.prune(nowMs);
    return this.last;
  }

  /** Changes may have been missed (the LISTEN connection dropped): nobody resumes across this point. Returns its number. */
  gap(nowMs: number): number {
    this.last += 1;
    this.horizon = this.last;
    this.prune(nowMs);
    return this.last;
  }

  /** What came after `lastSeen`, or "refetch" when part of it is no longer here (or `lastSeen` is not one of ours). */
  since(lastSeen: number, nowMs: number): ReplayAnswer<T> {
    this.prune(nowMs);
    if (!Number.isSafeInteger(lastSeen) || lastSeen < this.horizon || lastSeen > this.last) return { kind: "refetch" };
    const entries: { seq: number; item: T }[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      if (entry.seq > lastSeen) entries.push({ seq: entry.seq, item: entry.item });
    }
    return { kind: "resume", entries };
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  private prune(nowMs: number): void {
    const oldest = nowMs - this.limits.maxAgeMs;
    while (this.head < this.entries.length && (this.size > this.limits.maxEntries || this.entries[this.head]!.at < oldest)) {
      this.horizon = Math.max(this.horizon, this.entries[this.head]!.seq);
      this.head += 1;
    }
    // Compact now and then rather than shift() one by one.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }
}
