// `next build` when the build is missing or a source is newer than it: npm start and the benchmarks.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const BUILD_INPUTS = ["app", "components", "lib", "public", "types", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Builds when stale (exits the process if the build fails); says which it did through `log`. */
export function buildIfStale(env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  const buildId = path.join(".next", "BUILD_ID");
  if (existsSync(buildId) && !BUILD_INPUTS.some((input) => newestMtime(input) > statSync(buildId).mtimeMs)) {
    log("Build is up to date.");
    return;
  }
  log("Building…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
