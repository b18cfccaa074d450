import "server-only";
import { PrismaClient } from "./generated/client";
import { openDatabase, type DatabaseConnection } from "./adapter";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-url";
import { holder } from "./process-holder";

export type Database = PrismaClient;
export type Transaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface OpenedDatabase {
  db: Database;
  connection: DatabaseConnection;
  close(): Promise<void>;
}

/**
 * Prisma's defaults give a transaction 2 s to get a connection and 5 s to finish. A burst of writes to one
 * ticket (50 notes at once) queues for the pool and then for the ticket's row, one after another: on a busy
 * machine the last in line waits longer than 2 s, and a write that would have succeeded was refused.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export function createDatabase(target: DatabaseTarget): OpenedDatabase {
  const connection = openDatabase(target);
  const db = new PrismaClient({ adapter: connection.factory, transactionOptions: TRANSACTION_OPTIONS });
  return {
    db,
    connection,
    close: async () => {
      await db.$disconnect();
      await connection.close();
    },
  };
}


/** The process-wide database for DATABASE_URL; opened on first use and kept across hot reloads. */
export function processDatabase(): OpenedDatabase {
  holder.tierdeskDatabase ??= createDatabase(resolveDatabaseTarget(process.env.DATABASE_URL));
  return holder.tierdeskDatabase;
}

export function db(): Database {
  return processDatabase().db;
}

/** Makes `database` the process-wide one (tests and scripts that open their own). */
export function useDatabase(database: OpenedDatabase | undefined): void {
  holder.tierdeskDatabase = database;
}
