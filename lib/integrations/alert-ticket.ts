import type { Impact, Urgency } from "@/lib/db/generated/enums";
import type { AlertmanagerAlert } from "@/lib/validation/alertmanager";
import type { SeverityMap } from "@/lib/validation/integration";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/validation/ticket";
import { oneLine, plainMarkdown } from "./plain-text";
import { severityHints } from "./severity-map";

/** The ticket an alert opens, before intake classifies and places it. */
export interface AlertTicketFields {
  title: string;
  description: string;
  hints: { impact?: Impact; urgency?: Urgency };
  /** The category slug a label names, if the integration maps one; intake falls back to the integration's. */
  categorySlug: string | null;
}

/** Labels worth a title when there is no summary, after alertname: the ones that say what and where. */
const TITLE_LABEL_LIMIT = 6;

/** Title: the summary annotation, else the alert's name and its other labels; one line within the title limit. */
export function alertTitle(alert: Pick<AlertmanagerAlert, "labels" | "annotations" | "fingerprint">): string {
  const summary = oneLine(alert.annotations.summary ?? "", TITLE_MAX);
  if (summary.length >= 3) return summary;
  const { alertname, ...rest } = alert.labels;
  const others = Object.entries(rest)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TITLE_LABEL_LIMIT)
    .map(([key, value]) => `${key}=${value}`);
  const title = oneLine(`${alertname ?? "Alert"}${others.length ? ` (${others.join(", ")})` : ""}`, TITLE_MAX);
  return title.length >= 3 ? title : `Alert ${oneLine(alert.fingerprint, TITLE_MAX - 6)}`;
}

/**
 * Description: the description annotation, the runbook and the alert's source, and its labels, as plain text
 * (escaped, so nothing in them renders as Markdown); within the description limit.
 */
export function alertDescription(alert: Pick<AlertmanagerAlert, "labels" | "annotations" | "generatorURL">): string {
  const parts = [
    alert.annotations.description ?? "",
    alert.annotations.runbook_url ? `Runbook: ${alert.annotations.runbook_url}` : "",
    alert.generatorURL ? `Source: ${alert.generatorURL}` : "",
    `Labels: ${Object.entries(alert.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(", ")}`,
  ];
  const text = plainMarkdown(parts.filter(Boolean).join("\n"));
  const points = [...text];
  return points.length <= DESCRIPTION_MAX ? text : `${points.slice(0, DESCRIPTION_MAX - 1).join("")}…`;
}

/** Everything intake needs from one alert under an integration's mapping. */
export function alertTicketFields(alert: AlertmanagerAlert, mapping: { severityMap: SeverityMap; categoryLabel: string | null }): AlertTicketFields {
  const labelled = mapping.categoryLabel ? alert.labels[mapping.categoryLabel]?.trim().toLowerCase() : undefined;
  return {
    title: alertTitle(alert),
    description: alertDescription(alert),
    hints: severityHints(mapping.severityMap, alert.labels.severity),
    categorySlug: labelled || null,
  };
}

/** One alert per fingerprint, as the payload last states it, with how many times the payload carried it. */
export interface ReceivedAlert {
  alert: AlertmanagerAlert;
  count: number;
}

export function alertsByFingerprint(alerts: AlertmanagerAlert[]): ReceivedAlert[] {
  const byFingerprint = new Map<string, ReceivedAlert>();
  for (const alert of alerts) {
    const seen = byFingerprint.get(alert.fingerprint);
    byFingerprint.set(alert.fingerprint, { alert, count: (seen?.count ?? 0) + 1 });
  }
  return [...byFingerprint.values()];
}
