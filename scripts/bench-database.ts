// The throw-away PostgreSQL database every benchmark measures on: a fresh name on the admin server
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), created and dropped
// through one admin connection per statement.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ThrowAwayDatabase {
  adminUrl: string;
  name: string;
  /** A connection string for the throw-away database itself. */
  url: string;
  /** Runs one statement on the admin database (CREATE DATABASE, DROP DATABASE …). */
  admin(sql: string): Promise<void>;
}

/** A fresh name starting with `prefix`, or `kept`: a database an earlier run kept (BENCH_REUSE). */
export function throwAwayDatabase(prefix: string, kept?: string): ThrowAwayDatabase {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = kept ?? `${prefix}_${randomBytes(5).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    adminUrl,
    name,
    url: url.toString(),
    admin: async (sql) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
  };
}
