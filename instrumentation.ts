// Runs once when the server starts: the SLA sweep every minute (TIERDESK_SWEEP_SECONDS, 0 turns it off),
// the outbox mail worker every 10 s (TIERDESK_MAIL_SECONDS), the webhook delivery worker every 5 s
// (TIERDESK_WEBHOOK_SECONDS) and the sweep of orphan attachment files every
// hour (TIERDESK_ATTACHMENT_SWEEP_SECONDS), and the purge of login-throttle and revoked-session rows past
// their use every hour (TIERDESK_PURGE_SECONDS), and the fold of the dashboard rollups' rows every minute
// (TIERDESK_ROLLUP_SECONDS). Several instances may run them all at once: the sweep's and the fold's
// advisory locks let one of them work at a time, the workers' leases keep each mail and each webhook delivery to one, a file is removed
// only while no row names it (removing one already gone is no error), and a purge deletes by cutoff (a row
// another instance deleted first is simply not counted).
// The jobs live in this process's scheduler (lib/schedule/repeating-job.ts): readiness reads their heartbeats,
// and scripts/serve.ts stops them on SIGTERM, waiting for a run in progress to finish.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { intervalSeconds, markRepeatingJobsStarted, startRepeatingJob } = await import("@/lib/schedule/repeating-job");
  const { observeMailDeliveries, observeSweep, observeSweepError, observeWebhookDeliveries } = await import("@/lib/observability/metrics");
  const { runSweep } = await import("@/lib/routing/sweep");
  const { deliverOutbox } = await import("@/lib/mail/deliver-outbox");
  const { deliverWebhooks } = await import("@/lib/webhooks/deliver-webhooks");
  const { sweepOrphanFiles } = await import("@/lib/attachments/sweep-orphan-files");
  const { purgeExpiredRows } = await import("@/lib/schedule/purge-expired-rows");
  const { foldDashboardRollups } = await import("@/lib/metrics/fold-rollups");

  // Each job reports its result when it did something, null when it found nothing to do.
  startRepeatingJob("sweep", intervalSeconds(process.env.TIERDESK_SWEEP_SECONDS, 60), async () => {
    const started = performance.now();
    try {
      const result = await runSweep();
      observeSweep(result, (performance.now() - started) / 1000);
      return result.escalated || result.alerted || result.updatesDue || result.closed ? { ...result } : null;
    } catch (error) {
      observeSweepError();
      throw error;
    }
  });
  startRepeatingJob("mail", intervalSeconds(process.env.TIERDESK_MAIL_SECONDS, 10), async () => {
    const result = await deliverOutbox();
    observeMailDeliveries(result);
    return result.sent || result.retried || result.failed ? { ...result } : null;
  });
  startRepeatingJob("webhooks", intervalSeconds(process.env.TIERDESK_WEBHOOK_SECONDS, 5), async () => {
    const result = await deliverWebhooks();
    observeWebhookDeliveries(result);
    return result.succeeded || result.retried || result.failed ? { ...result } : null;
  });
  startRepeatingJob("attachments", intervalSeconds(process.env.TIERDESK_ATTACHMENT_SWEEP_SECONDS, 3600), async () => {
    const result = await sweepOrphanFiles();
    return result.removed ? { orphanFilesRemoved: result } : null;
  });
  startRepeatingJob("purge", intervalSeconds(process.env.TIERDESK_PURGE_SECONDS, 3600), async () => {
    const result = await purgeExpiredRows();
    return result.loginThrottles || result.revokedSessions ? { expiredRowsRemoved: result } : null;
  });
  // The scheduled backup (TIERDESK_BACKUP_HOURS, off by default): each instance asks every few minutes whether one
  // is due; the one that records the run under an advisory lock makes it (lib/backup/backup-job.ts).
  const { backupSettings, backupTickSeconds } = await import("@/lib/backup/backup-schedule");
  const { runScheduledBackup } = await import("@/lib/backup/backup-job");
  startRepeatingJob("backup", backupTickSeconds(backupSettings(process.env)), async () => {
    const result = await runScheduledBackup(new Date());
    if (result?.status === "FAILED") throw new Error(`Backup failed: ${result.error}`);
    return result ? { backup: result } : null;
  });
  startRepeatingJob("rollups", intervalSeconds(process.env.TIERDESK_ROLLUP_SECONDS, 60), async () => {
    const folded = await foldDashboardRollups();
    return folded ? { rollupRowsFolded: folded } : null;
  });
  // Replies by email: the SMTP receiver (INBOUND_SMTP_PORT) and the IMAP fetch job (INBOUND_IMAP_URL), both off
  // by default; a setting that makes no sense stops the start with its variable's name.
  const { startInboundMail } = await import("@/lib/inbound/start-inbound-mail");
  await startInboundMail(process.env);
  markRepeatingJobsStarted();

  // Live update streams: counted in the metrics, and told to reconnect elsewhere when this instance shuts down.
  const { openStreamCount, closeAllStreams } = await import("@/lib/live");
  const { setOpenStreamsSource } = await import("@/lib/observability/open-streams");
  const { onShutdown } = await import("@/lib/observability/shutdown");
  setOpenStreamsSource(openStreamCount);
  onShutdown(({ reconnectAfterMs }) => closeAllStreams(reconnectAfterMs));
}
