// What an instance spent its CPU on during the window (BENCH_PROFILE=1): the V8 profile node --cpu-prof writes
// when the server exits, its samples inside the window only (both sides read CLOCK_MONOTONIC: V8's profile
// timestamps and process.hrtime in the load generator), self time summed by where the code comes from.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code comes from: a package, the app's server bundle, Node itself, or V8's own buckets. */
function origin(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next/server/chunks/ssr/")) return "app (server components, .next/server/chunks/ssr)";
  if (url.includes("/.next/")) return "app (.next server bundle)";
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

export interface ProfileSummary {
  seconds: number;
  byOrigin: [string, number][];
  topFunctions: [string, number][];
}

/** Self time (seconds) of the samples between `fromUs` and `toUs` (monotonic microseconds). */
export function summarizeProfile(dir: string, fromUs: number, toUs: number): ProfileSummary | null {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return null;
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const origins = new Map<string, number>();
  const functions = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < fromUs || t > toUs) continue;
    const node = byId.get(profile.samples[i]!)!;
    const seconds = delta / 1e6;
    if (node.callFrame.functionName === "(idle)") continue;
    total += seconds;
    const where = origin(node);
    origins.set(where, (origins.get(where) ?? 0) + seconds);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${where}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + seconds);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { seconds: total, byOrigin: top(origins, 12), topFunctions: top(functions, 15) };
}
