import { deliverOutbox } from "./deliver-outbox";

const holder = globalThis as unknown as { tierdeskMailTimer?: ReturnType<typeof setInterval> };

export function deliveryIntervalSeconds(value = process.env.TIERDESK_MAIL_SECONDS): number {
  const seconds = Number(value ?? 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 10;
}

/** Starts the in-process outbox worker once per process (TIERDESK_MAIL_SECONDS, default 10; 0 turns it off). */
export function startDeliverySchedule(): void {
  const seconds = deliveryIntervalSeconds();
  if (seconds === 0 || holder.tierdeskMailTimer) return;
  let running = false;
  holder.tierdeskMailTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const result = await deliverOutbox();
      if (result.sent || result.retried || result.failed) console.log(`[mail] ${JSON.stringify(result)}`);
    } catch (error) {
      console.error("[mail] delivery failed:", error);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  holder.tierdeskMailTimer.unref?.();
}
