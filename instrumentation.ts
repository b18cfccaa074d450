// Runs once when the server starts: the SLA sweep every minute (TIERDESK_SWEEP_SECONDS, 0 turns it off),
// the outbox mail worker every 10 s (TIERDESK_MAIL_SECONDS), the webhook delivery worker every 5 s
// (TIERDESK_WEBHOOK_SECONDS) and the sweep of orphan attachment files every
// hour (TIERDESK_ATTACHMENT_SWEEP_SECONDS), and the purge of login-throttle and revoked-session rows past
// their use every hour (TIERDESK_PURGE_SECONDS). Several instances may run them all at once: the sweep's
// advisory lock lets one of them work at a time, the workers' leases keep each mail and each webhook delivery to one, a file is removed
// only while no row names it (removing one already gone is no error), and a purge deletes by cutoff (a row
// another instance deleted first is simply not counted).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { intervalSeconds, startRepeatingJob } = await import("@/lib/schedule/repeating-job");
  const { runSweep } = await import("@/lib/routing/sweep");
  const { deliverOutbox } = await import("@/lib/mail/deliver-outbox");
  const { deliverWebhooks } = await import("@/lib/webhooks/deliver-webhooks");
  const { sweepOrphanFiles } = await import("@/lib/attachments/sweep-orphan-files");
  const { purgeExpiredRows } = await import("@/lib/schedule/purge-expired-rows");

  startRepeatingJob("sweep", intervalSeconds(process.env.TIERDESK_SWEEP_SECONDS, 60), async () => {
    const result = await runSweep();
    return result.escalated || result.alerted || result.updatesDue || result.closed ? JSON.stringify(result) : null;
  });
  startRepeatingJob("mail", intervalSeconds(process.env.TIERDESK_MAIL_SECONDS, 10), async () => {
    const result = await deliverOutbox();
    return result.sent || result.retried || result.failed ? JSON.stringify(result) : null;
  });
  startRepeatingJob("webhooks", intervalSeconds(process.env.TIERDESK_WEBHOOK_SECONDS, 5), async () => {
    const result = await deliverWebhooks();
    return result.succeeded || result.retried || result.failed ? JSON.stringify(result) : null;
  });
  startRepeatingJob("attachments", intervalSeconds(process.env.TIERDESK_ATTACHMENT_SWEEP_SECONDS, 3600), async () => {
    const result = await sweepOrphanFiles();
    return result.removed ? `orphan files removed: ${JSON.stringify(result)}` : null;
  });
  startRepeatingJob("purge", intervalSeconds(process.env.TIERDESK_PURGE_SECONDS, 3600), async () => {
    const result = await purgeExpiredRows();
    return result.loginThrottles || result.revokedSessions ? `expired rows removed: ${JSON.stringify(result)}` : null;
  });
}
