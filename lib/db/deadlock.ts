/** PostgreSQL chose this transaction to end a deadlock (40P01), as the driver or Prisma reports it. */
export function isDeadlock(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  return e?.code === "40P01" || e?.code === "P2034" || e?.meta?.driverAdapterError?.cause?.originalCode === "40P01";
}

/**
 * Runs a whole transaction again when PostgreSQL ended it to break a deadlock: it was rolled back, so nothing of
 * it is kept, and the other transaction has gone through by the time it runs again.
 */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
    }
  }
}
