// How every benchmark script runs: its `main`, then its `cleanup` exactly once, whether main succeeded,
// failed or was interrupted (SIGINT, SIGTERM). The process exits 0 only when both completed: a benchmark
// that misses its targets still exits 0, it is a measurement, not a test.

/** Runs `main`, then `cleanup` (which returns the line saying what it released); never returns. */
export async function runBenchmark(main: () => Promise<void>, cleanup: () => Promise<string>): Promise<never> {
  let cleaned: Promise<string> | undefined;
  const cleanOnce = () => (cleaned ??= cleanup());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      void cleanOnce().finally(() => process.exit(130));
    });
  }

  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    console.error("The benchmark could not complete:", error);
    exitCode = 1;
  }
  try {
    console.log(await cleanOnce());
  } catch (error) {
    console.error("Could not clean up:", error);
    exitCode = 1;
  }
  process.exit(exitCode);
}
