/**
 * A bound on concurrent work with a short FIFO queue: at most `slots` run at once, at most `queue` wait, and
 * beyond that a caller is turned away at once. Sign-ins pass through one (sign-in-gate.ts) so that a flood
 * of guesses, each a 128 MiB scrypt, cannot starve the server's other work. Priority callers (a known
 * device's owner) are never turned away: they wait in a lane of their own that is served first.
 */
export class VerificationGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingFirst: (() => void)[] = [];

  constructor(
    readonly slots: number,
    readonly queue: number,
  ) {}

  /** A release function once a slot is free, or null at once when the queue is full too. */
  async enter(priority = false): Promise<(() => void) | null> {
    if (this.running < this.slots) {
      this.running++;
      return this.releaser();
    }
    if (!priority && this.waiting.length >= this.queue) return null;
    await new Promise<void>((resolve) => (priority ? this.waitingFirst : this.waiting).push(resolve));
    return this.releaser(); // the slot was handed over by the release that woke us
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length + this.waitingFirst.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waitingFirst.shift() ?? this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
