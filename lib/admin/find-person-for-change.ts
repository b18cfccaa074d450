import type { Transaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { PERSON_SELECT } from "./person-json";

/** One person by login ID (either case), locked for the rest of the transaction; 404 when there is none. */
export async function findPersonForChange(tx: Transaction, userId: string) {
  const ids = [userId.trim().toUpperCase(), userId.trim().toLowerCase()];
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "userId" IN (${ids[0]}, ${ids[1]}) LIMIT 1 FOR UPDATE`;
  if (!locked) throw notFound("Person");
  return tx.user.findUniqueOrThrow({ where: { id: locked.id }, select: { ...PERSON_SELECT, id: true } });
}
