import path from "node:path";

/** How a child process runs one of our TypeScript scripts outside Next's build: `node ...TS_SCRIPT_ARGS script.ts`. */
export const TS_SCRIPT_ARGS = ["--import", path.join(import.meta.dirname, "outside-next.mjs"), "--import", "tsx"];
