import { PrismaClient } from "./generated/client";
import { openDatabase, type DatabaseConnection } from "./adapter";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-url";

export type Database = PrismaClient;
export type Transaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface OpenedDatabase {
  db: Database;
  connection: DatabaseConnection;
  close(): Promise<void>;
}

export function createDatabase(target: DatabaseTarget): OpenedDatabase {
  const connection = openDatabase(target);
  const db = new PrismaClient({ adapter: connection.factory });
  return {
    db,
    connection,
    close: async () => {
      await db.$disconnect();
      await connection.close();
    },
  };
}

const holder = globalThis as unknown as { tierdeskDatabase?: OpenedDatabase };

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

export async function closeDb(): Promise<void> {
  const opened = holder.tierdeskDatabase;
  holder.tierdeskDatabase = undefined;
  await opened?.close();
}
