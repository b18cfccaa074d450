/** A token's last use is written at most once a minute, so a busy token costs no write per request. */
export const LAST_USE_WRITE_INTERVAL_MS = 60_000;

export function lastUseIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USE_WRITE_INTERVAL_MS;
}
