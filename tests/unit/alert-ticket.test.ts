import { describe, expect, it } from "vitest";
import { alertDescription, alertsByFingerprint, alertTicketFields, alertTitle } from "@/lib/integrations/alert-ticket";
import { oneLine, plainMarkdown } from "@/lib/integrations/plain-text";
import { DEFAULT_SEVERITY_MAP, severityHints, severityMapOf } from "@/lib/integrations/severity-map";
import { ZAlertmanagerPayload } from "@/lib/validation/alertmanager";
import { alertOf, payloadOf } from "../fixtures/alertmanager";

describe("severity map", () => {
  it("defaults critical → HIGH/HIGH, warning → MEDIUM/MEDIUM, info → LOW/LOW, any case", () => {
    expect(severityHints(DEFAULT_SEVERITY_MAP, "critical")).toEqual({ impact: "HIGH", urgency: "HIGH" });
    expect(severityHints(DEFAULT_SEVERITY_MAP, "Warning")).toEqual({ impact: "MEDIUM", urgency: "MEDIUM" });
    expect(severityHints(DEFAULT_SEVERITY_MAP, " info ")).toEqual({ impact: "LOW", urgency: "LOW" });
  });
  it("a severity the map does not name (or none) gives no hint: the category's defaults apply", () => {
    expect(severityHints(DEFAULT_SEVERITY_MAP, "page")).toEqual({});
    expect(severityHints(DEFAULT_SEVERITY_MAP, undefined)).toEqual({});
  });
  it("an integration's own map wins; an unreadable stored map falls back to the defaults", () => {
    const map = { ...DEFAULT_SEVERITY_MAP, critical: { impact: "HIGH" as const, urgency: "MEDIUM" as const } };
    expect(severityHints(severityMapOf(map), "critical")).toEqual({ impact: "HIGH", urgency: "MEDIUM" });
    expect(severityMapOf({ critical: "loud" })).toEqual(DEFAULT_SEVERITY_MAP);
  });
});

describe("alert → ticket fields", () => {
  it("title is the summary on one line", () => {
    expect(alertTitle(alertOf("f", { annotations: { summary: "  Disk\nfull  on db-1 " } }))).toBe("Disk full on db-1");
  });
  it("without a summary, the title is alertname with the other labels, sorted and capped at 200 characters", () => {
    expect(alertTitle(alertOf("f", { annotations: {}, labels: { alertname: "DiskFull", severity: "critical", instance: "db-1" } }))).toBe("DiskFull (instance=db-1, severity=critical)");
    const long = alertTitle(alertOf("f", { annotations: {}, labels: { alertname: "X".repeat(500) } }));
    expect([...long]).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
    expect(alertTitle(alertOf("abc", { annotations: {}, labels: {} }))).toBe("Alert");
  });
  it("never cuts an emoji in half", () => {
    const title = oneLine("🔥".repeat(300), 200);
    expect([...title]).toHaveLength(200);
    expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
  it("description: the description, runbook, source and labels, as plain text that renders no Markdown", () => {
    const text = alertDescription(
      alertOf("f", {
        labels: { alertname: "A_B" },
        annotations: { description: "# Heading\n**bold** <img src=x onerror=alert(1)> [l](http://evil)\n- item", runbook_url: "https://rb.example/a_b" },
        generatorURL: "http://prom/graph?g0.expr=up",
      }),
    );
    expect(text.split("\n\n")).toEqual([
      "\\# Heading",
      "\\*\\*bold\\*\\* \\<img src=x onerror=alert(1)\\> \\[l\\](http://evil)",
      "\\- item",
      "Runbook: https://rb.example/a\\_b",
      "Source: http://prom/graph?g0.expr=up",
      "Labels: alertname=A\\_B",
    ]);
  });
  it("plain text keeps right-to-left text and emoji as they are", () => {
    expect(plainMarkdown("‏שלום 👋\nمرحبا")).toBe("‏שלום 👋\n\nمرحبا");
  });
  it("a category label names the category; without one the integration's category applies", () => {
    const alert = alertOf("f", { labels: { alertname: "A", severity: "info", team: " Access " } });
    expect(alertTicketFields(alert, { severityMap: DEFAULT_SEVERITY_MAP, categoryLabel: "team" })).toMatchObject({ categorySlug: "access", hints: { impact: "LOW", urgency: "LOW" } });
    expect(alertTicketFields(alert, { severityMap: DEFAULT_SEVERITY_MAP, categoryLabel: null }).categorySlug).toBeNull();
  });
  it("a payload's repeats of one fingerprint are one alert, as last stated, counted", () => {
    const grouped = alertsByFingerprint([alertOf("a"), alertOf("b"), alertOf("a", { status: "resolved" })]);
    expect(grouped.map((g) => [g.alert.fingerprint, g.alert.status, g.count])).toEqual([
      ["a", "resolved", 2],
      ["b", "firing", 1],
    ]);
  });
});

describe("Alertmanager payload schema", () => {
  it("takes version 4 as Alertmanager sends it, extra fields included", () => {
    expect(ZAlertmanagerPayload.safeParse({ ...payloadOf([alertOf("a")]), truncatedAlerts: 3, somethingNew: true }).success).toBe(true);
  });
  it("refuses NUL in any text, a bad time, another version, a missing fingerprint", () => {
    const issues = (payload: unknown) => ZAlertmanagerPayload.safeParse(payload).error?.issues.map((i) => i.path.join("."));
    expect(issues(payloadOf([alertOf("a", { labels: { "a\u0000": "x" } })]))).toEqual(["alerts.0.labels.a\u0000"]);
    expect(issues(payloadOf([alertOf("a", { endsAt: "soon" })]))).toEqual(["alerts.0.endsAt"]);
    expect(issues({ ...payloadOf([alertOf("a")]), version: "5" })).toEqual(["version"]);
    expect(issues(payloadOf([{ ...alertOf("a"), fingerprint: "" }]))).toEqual(["alerts.0.fingerprint"]);
  });
});
