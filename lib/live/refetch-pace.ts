/**
 * How soon a page refetches after a pushed change. A lone change is fetched after a short debounce (so an
 * escalation and its assignment make one request); while changes keep coming, the page waits between
 * refetches in proportion to how long the last one took, so a busy server is asked less, not more: each open
 * tab spends at most 1 / slowdown of its time waiting on the server for this page, and one request at a
 * time. A page a hundred changes a second would otherwise ask for four lists a second per tab.
 */
export interface RefetchPace {
  /** Changes this close together make one refetch. */
  debounceMs: number;
  /** The wait after a refetch started, as a multiple of how long it took. */
  slowdown: number;
  /** The longest wait, however slow the server: the page is never further behind than this plus a fetch. */
  maxGapMs: number;
}

export const DEFAULT_REFETCH_PACE: RefetchPace = { debounceMs: 250, slowdown: 10, maxGapMs: 30_000 };

export interface LastRefetch {
  startedAt: number;
  durationMs: number;
}

/** Milliseconds from `now` until a refetch for a change seen at `now` may start. */
export function refetchDelay(now: number, last: LastRefetch | null, pace: RefetchPace = DEFAULT_REFETCH_PACE): number {
  if (!last) return pace.debounceMs;
  const gap = Math.min(pace.maxGapMs, Math.max(0, last.durationMs) * pace.slowdown);
  return Math.max(pace.debounceMs, last.startedAt + gap - now);
}

export interface RefetchTimers<Timer> {
  now(): number;
  setTimer(run: () => void, ms: number): Timer;
  clearTimer(timer: Timer): void;
}

/**
 * Turns pushed changes into refetches on `refetchDelay`'s pace: one waiting or running at a time; a change
 * that comes while one runs makes one more after it, never one per change.
 */
export class RefetchScheduler<Timer = ReturnType<typeof setTimeout>> {
  private timer: Timer | null = null;
  private running = false;
  private changedWhileRunning = false;
  private last: LastRefetch | null = null;

  constructor(
    private readonly refetch: () => unknown,
    private readonly timers: RefetchTimers<Timer>,
    private readonly pace: RefetchPace = DEFAULT_REFETCH_PACE,
  ) {}

  changed(): void {
    if (this.running) this.changedWhileRunning = true;
    else if (this.timer === null) this.schedule();
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimer(this.timer);
    this.timer = null;
    this.changedWhileRunning = false;
  }

  private schedule(): void {
    this.timer = this.timers.setTimer(() => {
      this.timer = null;
      void this.run();
    }, refetchDelay(this.timers.now(), this.last, this.pace));
  }

  private async run(): Promise<void> {
    this.running = true;
    const startedAt = this.timers.now();
    try {
      await this.refetch();
    } catch {
      // The page keeps what it shows; the next change or the fallback poll tries again.
    } finally {
      this.last = { startedAt, durationMs: this.timers.now() - startedAt };
      this.running = false;
      if (this.changedWhileRunning) {
        this.changedWhileRunning = false;
        this.schedule();
      }
    }
  }
}
