/**
 * Whether `error` is a unique violation of `constraint` raised inside a `$queryRaw`. Prisma does not map
 * those to P2002: they surface as P2010 ("Raw query failed") with the driver adapter's error, whose
 * SQLSTATE is 23505 and whose message names the constraint (PGlite and node-postgres alike).
 */
export function isRawUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== "P2010") return false;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } }).meta
    ?.driverAdapterError?.cause;
  return cause?.originalCode === "23505" && typeof cause.originalMessage === "string" && cause.originalMessage.includes(`"${constraint}"`);
}
