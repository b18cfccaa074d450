import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SECRET_FILE = path.resolve(process.cwd(), ".data/nextauth-secret");

/** NEXTAUTH_SECRET from the environment, else one kept in .data/ (created once, readable by the owner only). */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    try {
      writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(SECRET_FILE, "utf8").trim();
}
