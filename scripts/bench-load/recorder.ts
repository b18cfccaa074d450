// What the load generator measured: each request's time to the full response by route, what went wrong, and
// percentiles over them.

export interface Failure {
  route: string;
  status: number;
  detail: string;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Requests by route (a label such as "GET /queue (page)"), inside the measured window only. */
export class Recorder {
  readonly times = new Map<string, number[]>();
  readonly failures: Failure[] = [];
  /** Failures inside the window, by route. */
  readonly errors = new Map<string, number>();
  /** Requests made outside the window (sign-in, warm-up, the drain after it) are not counted. */
  counting = false;

  record(route: string, ms: number): void {
    if (!this.counting) return;
    let list = this.times.get(route);
    if (!list) this.times.set(route, (list = []));
    list.push(ms);
  }

  fail(route: string, status: number, detail: string): void {
    // Failures count whenever they happen: a failed sign-in or stream is as wrong before the window as in it.
    this.failures.push({ route, status, detail: detail.replace(/\s+/g, " ").slice(0, 300) });
    if (this.counting) this.errors.set(route, (this.errors.get(route) ?? 0) + 1);
  }

  get requests(): number {
    let n = 0;
    for (const list of this.times.values()) n += list.length;
    return n;
  }

  /** Failures grouped by route, status and detail, most frequent first. */
  failureSummary(): { route: string; status: number; detail: string; count: number }[] {
    const groups = new Map<string, { route: string; status: number; detail: string; count: number }>();
    for (const f of this.failures) {
      const key = `${f.route}\u0000${f.status}\u0000${f.detail}`;
      const g = groups.get(key) ?? { ...f, count: 0 };
      g.count += 1;
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count);
  }
}
