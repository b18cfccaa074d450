// The app's server (scripts/serve.ts) as bench:streams runs it: the same server, plus an IPC channel on which the
// benchmark asks for this process's memory after a full garbage collection (node --expose-gc) and how many streams
// the live hub has open (read as the operators' metrics would: lib/live's openStreamCount, outside Next.js's bundles).
import { openStreamCount } from "../lib/live/index";

process.on("message", (message) => {
  if (message !== "memory") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send?.({ ...process.memoryUsage(), collected: gc !== undefined, openStreams: openStreamCount() });
});

await import("./serve");
