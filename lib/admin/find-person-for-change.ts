import type { Transaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { PERSON_SELECT } from "./person-json";

/**
 * One person by login ID exactly as stored (admins pick it from the people list), locked for the rest of
 * the transaction; 404 when there is none. No case folding: an admin change names one person, never a guess.
 */
export async function findPersonForChange(tx: Transaction, userId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "userId" = ${userId} FOR UPDATE`;
  if (!locked) throw notFound("Person");
  return tx.user.findUniqueOrThrow({ where: { id: locked.id }, select: { ...PERSON_SELECT, id: true } });
}
