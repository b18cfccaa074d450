import type { Transaction } from "@/lib/db/client";
import { fanOutUpdateSql } from "./fan-out.sql";

export interface ParentUpdate {
  parentId: number;
  parentNumber: string;
  /** The public reply just written on the parent. */
  commentId: number;
  body: string;
  authorId: string;
  authorName: string;
}

export interface FanOutResult {
  copied: number;
  mailed: number;
}

export async function fanOutUpdate(tx: Transaction, update: ParentUpdate, now: Date): Promise<FanOutResult> {
  const [row] = await tx.$queryRaw<{ copied: number; mailed: number }[]>(fanOutUpdateSql(update, now));
  return { copied: row?.copied ?? 0, mailed: row?.mailed ?? 0 };
}
