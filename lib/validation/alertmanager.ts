import { z } from "zod";
import { storableString } from "./text";

/** How many alerts one payload may carry (Alertmanager's max_alerts caps it lower in practice). */
export const MAX_ALERTS = 5_000;
/** The body limit of the alert endpoint: 5,000 alerts with their labels and annotations. */
export const ALERT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const text = (max: number) => storableString().max(max, `At most ${max.toLocaleString("en")} characters.`);
const instant = text(64).refine((value) => !Number.isNaN(Date.parse(value)), "An RFC 3339 time.");
const labels = z.record(text(256), text(4_096), { error: "An object of string labels." });
const annotations = z.record(text(256), text(20_000), { error: "An object of string annotations." });
const status = z.enum(["firing", "resolved"], { error: "firing or resolved." });

export const ZAlert = z.object({
  status,
  labels,
  annotations,
  startsAt: instant,
  endsAt: instant,
  generatorURL: text(2_048),
  fingerprint: text(128).min(1, "Alertmanager's fingerprint of the alert."),
});
export type AlertmanagerAlert = z.infer<typeof ZAlert>;

/**
 * Prometheus Alertmanager's webhook payload, version 4, as Alertmanager sends it. Fields it may add later
 * (`truncatedAlerts` today) pass through; the ones below must be there.
 */
export const ZAlertmanagerPayload = z.object({
  version: z.literal("4", { error: 'Alertmanager\'s webhook payload version "4".' }),
  groupKey: text(4_096),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status,
  receiver: text(256),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: annotations,
  externalURL: text(2_048),
  alerts: z.array(ZAlert).min(1, "At least one alert.").max(MAX_ALERTS, `At most ${MAX_ALERTS.toLocaleString("en")} alerts in one payload.`),
});
export type AlertmanagerPayload = z.infer<typeof ZAlertmanagerPayload>;
