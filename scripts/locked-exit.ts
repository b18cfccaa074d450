// The scripts' answer when another process holds the embedded data directory: its message, a non-zero exit.
import { DataDirLockedError, LOCKED_EXIT_CODE } from "../lib/db/data-dir-lock";

/** Runs `main`; a DataDirLockedError prints its message (prefixed) and exits LOCKED_EXIT_CODE; other errors are rethrown. */
export async function exitIfLocked<T>(main: () => Promise<T> | T, prefix = "[tierdesk] "): Promise<T> {
  try {
    return await main();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message.split("\n").map((line) => prefix + line).join("\n"));
    process.exit(LOCKED_EXIT_CODE);
  }
}
