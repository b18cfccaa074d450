import type { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";

export interface MacroJson {
  id: number;
  title: string;
  body: string;
  /** null: offered on tickets of every category. */
  category: { slug: string; name: string } | null;
  visibility: CommentVisibility;
  setStatus: TicketStatus | null;
  /** Replies and notes actually sent from it. */
  usageCount: number;
  updatedAt: string;
}

export const MACRO_SELECT = {
  id: true,
  title: true,
  body: true,
  visibility: true,
  setStatus: true,
  usageCount: true,
  updatedAt: true,
  category: { select: { slug: true, name: true } },
} as const;

type MacroRow = Omit<MacroJson, "updatedAt"> & { updatedAt: Date };

export function macroJson(row: MacroRow): MacroJson {
  return { ...row, category: row.category ? { slug: row.category.slug, name: row.category.name } : null, updatedAt: row.updatedAt.toISOString() };
}
