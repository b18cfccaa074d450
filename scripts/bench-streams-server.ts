// The app's server (scripts/serve.ts) as bench:streams runs it: the same server, plus an IPC channel on which the
// benchmark asks for this process's memory after a full garbage collection (node --expose-gc).
process.on("message", (message) => {
  if (message !== "memory") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send?.({ ...process.memoryUsage(), collected: gc !== undefined });
});

export {};

await import("./serve");
