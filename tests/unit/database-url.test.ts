import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, describeTarget, resolveDatabaseTarget } from "@/lib/db/database-url";

const cwd = "/srv/tierdesk";
const rejection = "DATABASE_URL must be unset (embedded database in ./.data/db), file:<dir>, memory:, or postgres://…";

describe("resolveDatabaseTarget", () => {
  it("uses PGlite in <cwd>/.data/db when DATABASE_URL is unset or blank", () => {
    expect(DEFAULT_DATA_DIR).toBe(".data/db");
    for (const url of [undefined, "", "   ", "\n"]) {
      expect(resolveDatabaseTarget(url, cwd)).toEqual({ kind: "pglite", dataDir: "/srv/tierdesk/.data/db" });
    }
  });

  it("defaults cwd to the process's working directory", () => {
    expect(resolveDatabaseTarget(undefined)).toEqual({ kind: "pglite", dataDir: path.join(process.cwd(), ".data", "db") });
  });

  it("resolves file: directories against cwd", () => {
    expect(resolveDatabaseTarget("file:./x", cwd)).toEqual({ kind: "pglite", dataDir: "/srv/tierdesk/x" });
    expect(resolveDatabaseTarget("file:data/pg", cwd)).toEqual({ kind: "pglite", dataDir: "/srv/tierdesk/data/pg" });
    expect(resolveDatabaseTarget("file:../shared/db/", cwd)).toEqual({ kind: "pglite", dataDir: "/srv/shared/db" });
    expect(resolveDatabaseTarget("  file:./x  ", cwd)).toEqual({ kind: "pglite", dataDir: "/srv/tierdesk/x" });
  });

  it("keeps absolute file: directories, with one slash or three", () => {
    expect(resolveDatabaseTarget("file:/abs", cwd)).toEqual({ kind: "pglite", dataDir: "/abs" });
    expect(resolveDatabaseTarget("file:/var/lib/tierdesk", cwd)).toEqual({ kind: "pglite", dataDir: "/var/lib/tierdesk" });
    expect(resolveDatabaseTarget("file:///var/lib/tierdesk", cwd)).toEqual({ kind: "pglite", dataDir: "/var/lib/tierdesk" });
  });

  it("refuses file: without a directory", () => {
    expect(() => resolveDatabaseTarget("file:", cwd)).toThrow("DATABASE_URL file: needs a directory, e.g. file:./.data/db");
    expect(() => resolveDatabaseTarget("file://", cwd)).toThrow("DATABASE_URL file: needs a directory, e.g. file:./.data/db");
  });

  it("reads file://<relative dir> as relative, not as the filesystem root", () => {
    expect(resolveDatabaseTarget("file://./x", cwd)).toEqual({ kind: "pglite", dataDir: "/srv/tierdesk/x" });
  });

  it("uses in-memory PGlite for memory: and memory://", () => {
    expect(resolveDatabaseTarget("memory:", cwd)).toEqual({ kind: "pglite-memory" });
    expect(resolveDatabaseTarget("memory://", cwd)).toEqual({ kind: "pglite-memory" });
    expect(resolveDatabaseTarget(" memory: ", cwd)).toEqual({ kind: "pglite-memory" });
  });

  it("passes postgres:// and postgresql:// URLs through, trimmed", () => {
    expect(resolveDatabaseTarget("postgres://app:secret@db.internal:5432/tierdesk", cwd)).toEqual({
      kind: "postgres",
      url: "postgres://app:secret@db.internal:5432/tierdesk",
    });
    expect(resolveDatabaseTarget("postgresql://localhost/tierdesk?sslmode=require", cwd)).toEqual({
      kind: "postgres",
      url: "postgresql://localhost/tierdesk?sslmode=require",
    });
    expect(resolveDatabaseTarget("  postgres://localhost/db\n", cwd)).toEqual({ kind: "postgres", url: "postgres://localhost/db" });
  });

  it.each([
    "mysql://localhost/db",
    "sqlite:./dev.db",
    "postgres:/localhost/db",
    "postgres:localhost",
    "postgre://localhost/db",
    "http://localhost:5432",
    "memory",
    "memory:x",
    "./.data/db",
    "/var/lib/tierdesk",
    "x-postgres://localhost/db",
  ])("refuses %j", (url) => {
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(rejection);
  });
});

describe("describeTarget", () => {
  it("describes each kind of target", () => {
    expect(describeTarget({ kind: "pglite", dataDir: "/srv/tierdesk/.data/db" })).toBe(
      "embedded PostgreSQL (PGlite) in /srv/tierdesk/.data/db",
    );
    expect(describeTarget({ kind: "pglite-memory" })).toBe("in-memory embedded PostgreSQL (PGlite)");
  });

  it("shows host and database of a PostgreSQL URL, never the credentials", () => {
    const text = describeTarget({ kind: "postgres", url: "postgresql://app:s3cr3t@db.example.com:5432/tierdesk?sslmode=require" });
    expect(text).toBe("PostgreSQL at db.example.com:5432/tierdesk");
    expect(text).not.toContain("s3cr3t");
  });
});
