// The running server's control socket: `npm run db:backup` asks the process that holds the embedded database
// for a backup, since no other process may open the directory. A Unix socket beside the database, readable
// only by the user the server runs as (the directory is 0700, the socket 0600): whoever may read the data
// directory may ask for a copy of it, nobody else, and nothing of it is reachable over the network.
import { createHash } from "node:crypto";
import { chmodSync, rmSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { noteInLock } from "../lib/db/data-dir-lock";

export interface ControlRequest {
  op: "backup";
  file: string;
}

export type ControlReply = { ok: true; result: unknown } | { ok: false; error: string };

/** Unix socket paths are limited to about 100 bytes: a long data directory gets one in the temporary directory. */
export function controlSocketPath(dataDir: string): string {
  const beside = path.join(dataDir, "tierdesk.sock");
  if (Buffer.byteLength(beside) <= 100) return beside;
  return path.join(os.tmpdir(), `tierdesk-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}.sock`);
}

/** Listens for requests (one JSON line each, one JSON line answered); its path goes into the lock file. */
export async function startControlSocket(dataDir: string): Promise<{ close(): Promise<void> }> {
  const socketPath = controlSocketPath(dataDir);
  rmSync(socketPath, { force: true }); // left by a server that crashed: this process holds the lock now
  const server: Server = createServer((socket) => {
    let buffered = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf("\n");
      if (end === -1) return;
      void answer(buffered.slice(0, end)).then((reply) => socket.end(JSON.stringify(reply) + "\n"));
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  noteInLock(dataDir, { control: socketPath });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

async function answer(line: string): Promise<ControlReply> {
  try {
    const request = JSON.parse(line) as ControlRequest;
    if (request.op !== "backup" || typeof request.file !== "string" || !path.isAbsolute(request.file)) return { ok: false, error: "Unknown request." };
    const { recordedBackup } = await import("../lib/backup/recorded-backup");
    const done = await recordedBackup(request.file);
    return done.status === "SUCCEEDED" || done.summary ? { ok: true, result: done.summary } : { ok: false, error: done.error ?? "The backup failed." };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Sends one request to the server listening on `socketPath` and resolves with its answer. */
export function askServer(socketPath: string, request: ControlRequest): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let buffered = "";
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(JSON.stringify(request) + "\n"));
    socket.on("data", (chunk: string) => (buffered += chunk));
    socket.on("end", () => {
      try {
        resolve(JSON.parse(buffered) as ControlReply);
      } catch {
        reject(new Error("The server closed the control socket without an answer."));
      }
    });
    socket.on("error", reject);
  });
}
