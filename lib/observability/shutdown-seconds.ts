/** TIERDESK_SHUTDOWN_SECONDS: how long a graceful shutdown may take before the process exits anyway (1–600; default 10). */
export function shutdownSeconds(value = process.env.TIERDESK_SHUTDOWN_SECONDS): number {
  if (value === undefined || value.trim() === "") return 10;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    throw new Error(`TIERDESK_SHUTDOWN_SECONDS must be a number of seconds from 1 to 600, not "${value}".`);
  }
  return seconds;
}
