import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "./database-url";

export interface DatabaseConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the embedded database; PostgreSQL pools are closed by Prisma's $disconnect. */
  close(): Promise<void>;
}

/** The one place that knows which driver adapter a target needs. Everything above it is the same. */
export function openDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "postgres") {
    const options = statementCacheOn() ? { statementNameGenerator: statementName } : undefined;
    return { factory: new PrismaPgWholeScripts({ connectionString: target.url, max: poolSize() }, options), close: async () => {} };
  }
  let pglite: PGlite;
  if (target.kind === "pglite") {
    mkdirSync(target.dataDir, { recursive: true });
    pglite = new PGlite(target.dataDir);
  } else {
    pglite = new PGlite();
  }
  return {
    factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

/**
 * Named (prepared) statements: each connection parses and plans a statement once and reuses it, instead
 * of planning every call again, which costs more than running the routing service's CTEs. The name is
 * the SQL's hash, so the same text always maps to the same statement. DATABASE_STATEMENT_CACHE=0 turns
 * it off (for a pooler that cannot keep prepared statements).
 */
function statementName(query: { sql: string }): string {
  return `td_${createHash("sha1").update(query.sql).digest("base64url")}`;
}

function statementCacheOn(): boolean {
  return process.env.DATABASE_STATEMENT_CACHE !== "0";
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks statements
 * that contain one (a PL/pgSQL function body). PostgreSQL's simple query protocol takes the whole
 * script at once, and runs it as one implicit transaction.
 */
class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    return runScriptsWhole(await super.connectToShadowDb());
  }
}

function runScriptsWhole<T extends SqlDriverAdapter>(adapter: T): T {
  const internals = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}
