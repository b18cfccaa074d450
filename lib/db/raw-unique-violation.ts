/**
 * Whether `error` is a unique violation of `constraint` raised by a raw statement: either through Prisma's
 * `$queryRaw` (Prisma does not map those to P2002 but to P2010, "Raw query failed", carrying the driver's
 * SQLSTATE and message) or straight from the driver (`queryStatement`: node-postgres and PGlite alike give
 * the SQLSTATE as `code` and name the constraint).
 */
export function isRawUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof Error)) return false;
  const driver = error as { code?: unknown; constraint?: unknown };
  if (driver.code === "23505") return driver.constraint === constraint || error.message.includes(`"${constraint}"`);
  if (driver.code !== "P2010") return false;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } }).meta
    ?.driverAdapterError?.cause;
  return cause?.originalCode === "23505" && typeof cause.originalMessage === "string" && cause.originalMessage.includes(`"${constraint}"`);
}
