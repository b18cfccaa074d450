/**
 * A write that lost a race on a unique constraint (Prisma's P2002), e.g. two managers publishing the next
 * matrix version at the same moment: the other write won, so this one is a conflict to retry, not a crash.
 */
export function isUniqueConstraintViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "P2002";
}
