import path from "node:path";

/** Where the data lives, decided from DATABASE_URL (see README, "Database"). */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" }
  | { kind: "postgres"; url: string };

export const DEFAULT_DATA_DIR = ".data/db";

export function resolveDatabaseTarget(url: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: path.resolve(cwd, DEFAULT_DATA_DIR) };
  if (value === "memory:" || value === "memory://") return { kind: "pglite-memory" };
  if (value.startsWith("file:")) {
    // file:dir, file:/abs, and the URL forms file:///abs and file://./dir.
    const dir = value.slice("file:".length).replace(/^\/\//, "");
    if (!dir) throw new Error("DATABASE_URL file: needs a directory, e.g. file:./.data/db");
    return { kind: "pglite", dataDir: path.resolve(cwd, dir) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  throw new Error(
    "DATABASE_URL must be unset (embedded database in ./.data/db), file:<dir>, memory:, or postgres://…",
  );
}

export function describeTarget(target: DatabaseTarget): string {
  switch (target.kind) {
    case "pglite":
      return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
    case "pglite-memory":
      return "in-memory embedded PostgreSQL (PGlite)";
    case "postgres":
      return `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`;
  }
}
