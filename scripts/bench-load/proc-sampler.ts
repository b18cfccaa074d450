// CPU and memory of processes, read from /proc (Linux): user+system clock ticks from /proc/<pid>/stat and the
// resident set from /proc/<pid>/status, sampled once a second; and the whole machine's busy share from /proc/stat.
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

/** CPU seconds used so far by `pid` (null once it is gone). */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident memory of `pid` in MiB (null once it is gone). */
export function residentMiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Direct and indirect child processes of `pid`. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    let children: number[] = [];
    try {
      const tasks = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      children = tasks ? tasks.split(" ").map(Number) : [];
    } catch {
      return;
    }
    for (const child of children) {
      out.push(child);
      visit(child);
    }
  };
  visit(pid);
  return out;
}

/** Machine-wide busy and total jiffies (every core), from the first line of /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

export interface ProcessFigures {
  /** Average CPU over the window, in % of one core. */
  cpuPercent: number;
  /** Highest 5-second average, in % of one core. */
  peakCpuPercent: number;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
}

/** Samples a process tree every second between start() and stop(). */
export class ProcessSampler {
  private readonly samples: { t: number; cpu: number; rss: number }[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly pid: number) {}

  private sample(): void {
    const pids = [this.pid, ...descendants(this.pid)];
    let cpu = 0;
    let rss = 0;
    for (const p of pids) {
      cpu += cpuSeconds(p) ?? 0;
      rss += residentMiB(p) ?? 0;
    }
    this.samples.push({ t: performance.now(), cpu, rss });
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  stop(): ProcessFigures {
    clearInterval(this.timer);
    this.sample();
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    const seconds = (last.t - first.t) / 1000;
    let peak = 0;
    for (let i = 5; i < this.samples.length; i++) {
      const a = this.samples[i - 5]!;
      const b = this.samples[i]!;
      peak = Math.max(peak, ((b.cpu - a.cpu) / ((b.t - a.t) / 1000)) * 100);
    }
    return {
      cpuPercent: seconds > 0 ? ((last.cpu - first.cpu) / seconds) * 100 : NaN,
      peakCpuPercent: peak,
      rssStartMiB: first.rss,
      rssPeakMiB: this.samples.reduce((m, s) => Math.max(m, s.rss), 0),
      rssEndMiB: last.rss,
    };
  }
}

/** The whole machine's busy share between start() and stop(), in % of all cores. */
export class MachineSampler {
  private first = machineJiffies();

  start(): void {
    this.first = machineJiffies();
  }

  stop(): number {
    const last = machineJiffies();
    return ((last.busy - this.first.busy) / Math.max(1, last.total - this.first.total)) * 100;
  }
}

/** CPU seconds of a changing set of processes (the database's backends): each counted from when it was first seen. */
export class ProcessSetCpu {
  private readonly seen = new Map<number, { first: number; last: number }>();

  observe(pids: number[]): void {
    for (const pid of pids) {
      const now = cpuSeconds(pid);
      if (now === null) continue;
      const known = this.seen.get(pid);
      if (known) known.last = now;
      else this.seen.set(pid, { first: now, last: now });
    }
  }

  /** Reads every known process once more and returns the CPU seconds they used while observed. */
  total(): number {
    let sum = 0;
    for (const [pid, s] of this.seen) {
      const now = cpuSeconds(pid);
      if (now !== null) s.last = now;
      sum += s.last - s.first;
    }
    return sum;
  }
}
