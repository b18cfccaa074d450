// Where the process keeps its database, apart from the client module: scripts/serve.ts runs outside Next's
// server build and must close the database the app opened without importing the client (which is "server-only").
import type { OpenedDatabase } from "./client";

export const holder = globalThis as unknown as { tierdeskDatabase?: OpenedDatabase };

export async function closeDb(): Promise<void> {
  const opened = holder.tierdeskDatabase;
  holder.tierdeskDatabase = undefined;
  await opened?.close();
}
