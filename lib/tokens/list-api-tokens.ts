import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db } from "@/lib/db/client";
import { ZApiTokenQuery } from "@/lib/validation/api-token";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { API_TOKEN_SELECT, apiTokenJson, type ApiTokenJson } from "./token-json";

const cursorOf = (token: { createdAt: string; id: string }) => `${Date.parse(token.createdAt)}_${token.id}`;

/** Every token, newest first, keyset-paginated on (createdAt, id) (admins and managers; never a token or its hash). */
export async function listApiTokens(actor: Actor, query: VerbInput<typeof ZApiTokenQuery> = {}, now = new Date()): Promise<{ tokens: ApiTokenJson[]; nextCursor: string | null }> {
  requireAdminRead(actor);
  const { cursor, limit } = parseInput(ZApiTokenQuery, query);
  const [ms, id] = cursor ? cursor.split("_") : [];
  const after = cursor ? new Date(Number(ms)) : null;
  const rows = await db().apiToken.findMany({
    where: after ? { OR: [{ createdAt: { lt: after } }, { createdAt: after, id: { lt: id! } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: API_TOKEN_SELECT,
  });
  const tokens = rows.slice(0, limit).map((row) => apiTokenJson(row, now));
  return { tokens, nextCursor: rows.length > limit ? cursorOf(tokens[tokens.length - 1]!) : null };
}
