import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { holdDataDir } from "./data-dir-lock";
import { wantsCustomPlan } from "./custom-plan.sql";
import type { DatabaseTarget } from "./database-url";
import { listenOnPostgres, type ListenHandlers, type StopListening } from "./pg-listener";

/** What one statement gave back on the driver: its rows as objects, and how many rows its command wrote. */
export interface DriverResult {
  rows: Record<string, unknown>[];
  count: number;
}

export type DriverQuery = (text: string, values: unknown[]) => Promise<DriverResult>;

export interface DatabaseConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** One statement on the driver Prisma uses, without Prisma: rows as objects (see lib/db/statement.ts). */
  query(text: string, values: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * `work` in one transaction on the driver Prisma uses, without Prisma (see lib/db/transaction.ts): on
   * PostgreSQL one pooled connection between BEGIN and COMMIT (ROLLBACK when `work` throws), on PGlite its
   * own transaction, which Prisma's transactions queue behind as they do behind each other. Timestamps
   * come back as the UTC instants they hold on both.
   */
  transaction<T>(work: (query: DriverQuery) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`: on PostgreSQL a dedicated connection of its own (with reconnect), on PGlite the
   * process's one database. Notifications arrive only for committed transactions.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<StopListening>;
  /** Releases the embedded database or the PostgreSQL pool. */
  close(): Promise<void>;
  /** Where the data lives. */
  target: DatabaseTarget;
  /** The embedded database itself (backups run their COPY statements in one of its transactions); null on PostgreSQL. */
  embedded: PGlite | null;
}

/** The one place that knows which driver adapter a target needs. Everything above it is the same. */
export function openDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "postgres") {
    const cache = statementCacheOn();
    const pools = new SharedPool({ connectionString: target.url, max: poolSize() });
    return {
      factory: new PrismaPgWholeScripts(pools, { statementNameGenerator: cache ? statementName : undefined, disposeExternalPool: true }),
      query: async (text, values) =>
        (await pools.current().query({ name: cache ? statementName({ sql: text }) : undefined, text, values, types: UTC_TIMESTAMPS })).rows,
      transaction: async (work) => {
        const client = await pools.current().connect();
        let broken: Error | undefined;
        try {
          await client.query("BEGIN");
          const result = await work(async (text, values) => {
            const { rows, rowCount } = await client.query({ name: cache ? statementName({ sql: text }) : undefined, text, values, types: UTC_TIMESTAMPS });
            return { rows, count: rowCount ?? 0 };
          });
          await client.query("COMMIT");
          return result;
        } catch (error) {
          // A connection that cannot even roll back is not given back to the pool.
          await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
          throw error;
        } finally {
          client.release(broken);
        }
      },
      listen: (channel, handlers) => listenOnPostgres(target.url, channel, handlers),
      close: () => pools.end(),
      target,
      embedded: null,
    };
  }
  let pglite: PGlite;
  let release = () => {};
  if (target.kind === "pglite") {
    // Before PGlite touches the directory: a second process on it would corrupt it (lib/db/data-dir-lock.ts).
    release = holdDataDir(target.dataDir, { purpose: lockPurpose(), adoptToken: process.env.TIERDESK_LOCK_TOKEN });
    mkdirSync(target.dataDir, { recursive: true });
    pglite = new PGlite(target.dataDir);
  } else {
    pglite = new PGlite();
  }
  return {
    factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    query: async (text, values) => (await pglite.query<Record<string, unknown>>(text, values)).rows,
    transaction: (work) =>
      pglite.transaction((tx) =>
        work(async (text, values) => {
          const { rows, affectedRows } = await tx.query<Record<string, unknown>>(text, values, { parsers: PGLITE_UTC_TIMESTAMPS });
          return { rows, count: affectedRows ?? 0 };
        }),
      ),
    // One process owns the embedded database, so its connection never drops: there is no gap to report.
    listen: async (channel, handlers) => {
      const unlisten = await pglite.listen(channel, handlers.onPayload);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
      release();
    },
    target,
    embedded: pglite,
  };
}

/** How a lock names this process: the npm script that runs it ("npm start", "npm run db:backup"), else its entry file. */
export function lockPurpose(): string {
  const script = process.env.npm_lifecycle_event;
  if (script) return script === "start" || script === "test" ? `npm ${script}` : `npm run ${script}`;
  return path.basename(process.argv[1] ?? "node");
}

function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

/**
 * Named (prepared) statements: each connection parses and plans a statement once and reuses it, instead
 * of planning every call again, which costs more than running the routing service's CTEs. The name is
 * the SQL's hash, so the same text always maps to the same statement. DATABASE_STATEMENT_CACHE=0 turns
 * it off (for a pooler that cannot keep prepared statements); `customPlan` (custom-plan.ts) for one statement.
 */
function statementName(query: { sql: string }): string {
  // Unnamed: pg sends it unprepared. The adapter's type wants a string; undefined is what pg reads as none.
  if (wantsCustomPlan(query.sql)) return undefined as unknown as string;
  let name = statementNames.get(query.sql);
  if (!name) {
    name = `td_${createHash("sha1").update(query.sql).digest("base64url")}`;
    if (statementNames.size >= 1_000) statementNames.clear();
    statementNames.set(query.sql, name);
  }
  return name;
}

/** Names already hashed, by SQL text: a lookup costs less than hashing the text of a long statement again. */
const statementNames = new Map<string, string>();

/** `timestamp` values read as the UTC instants they hold, whatever the process's time zone (pg reads local time). */
const UTC_TIMESTAMPS = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.TIMESTAMP ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** The same on PGlite, which reads a `timestamp` as local time by default. */
const PGLITE_UTC_TIMESTAMPS = { [pg.types.builtins.TIMESTAMP]: (value: string) => new Date(`${value.replace(" ", "T")}Z`) };

function statementCacheOn(): boolean {
  return process.env.DATABASE_STATEMENT_CACHE !== "0";
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks statements
 * that contain one (a PL/pgSQL function body). PostgreSQL's simple query protocol takes the whole
 * script at once, and runs it as one implicit transaction.
 */
class PrismaPgWholeScripts extends PrismaPg {
  constructor(
    private readonly pools: SharedPool,
    options: ConstructorParameters<typeof PrismaPg>[1],
  ) {
    super(pools.config, options);
  }

  override async connect() {
    // Prisma and queryStatement share one pool: Prisma ends it on $disconnect, and either makes the next.
    (this as unknown as { externalPool: pg.Pool }).externalPool = this.pools.current();
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    return runScriptsWhole(await super.connectToShadowDb());
  }
}

/** The process's one PostgreSQL pool, made anew on first use after it was ended. */
class SharedPool {
  private pool: pg.Pool | null = null;

  constructor(readonly config: pg.PoolConfig) {}

  current(): pg.Pool {
    if (!this.pool || this.pool.ended) this.pool = new pg.Pool(this.config);
    return this.pool;
  }

  async end(): Promise<void> {
    if (this.pool && !this.pool.ended) await this.pool.end();
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
