import type { Impact, Urgency } from "@/lib/db/generated/enums";

export interface CategorySeed {
  slug: string;
  name: string;
  description: string;
  defaultImpact: Impact;
  defaultUrgency: Urgency;
  /** Each step becomes a task-list item (`- [ ] …`); one ending in "(required)" must be ticked before L1 escalates to L2. */
  sop: { title: string; steps: string[] };
  selfService: { title: string; body: string };
}

/** The six demo categories, each with an L1 SOP and a customer self-service article. */
export const CATEGORIES: CategorySeed[] = [
  {
    slug: "platform",
    name: "Platform outage or error",
    description: "The platform is down, returns errors, or a feature stopped working.",
    defaultImpact: "MEDIUM",
    defaultUrgency: "HIGH",
    sop: {
      title: "SOP: Platform outage or error",
      steps: [
        "Check the status page and open incidents for a known outage; link the ticket if one matches.",
        "Record the exact error text, time (with time zone), region and affected URL or API endpoint.",
        "Ask how many users are affected and whether a workaround exists; set impact and urgency accordingly.",
        "Reproduce from the support tenant; attach the request ID from the response headers.",
        "If the platform is degraded for more than one customer, escalate to L2 Platform Support at once.",
      ],
    },
    selfService: {
      title: "The platform shows an error or does not load",
      body: "1. Open the **status page** to see whether an outage is already known.\n2. Reload with a cleared cache, or try a private window.\n3. Note the error text and the time it happened.\n\nIf the problem continues, open an incident and include what you noted: it saves a round trip.",
    },
  },
  {
    slug: "access",
    name: "Login and access",
    description: "Cannot sign in, locked out, missing permissions.",
    defaultImpact: "LOW",
    defaultUrgency: "MEDIUM",
    sop: {
      title: "SOP: Login and access",
      steps: [
        "Verify the caller's identity against the organization's contact list before changing anything.",
        "Check whether the account is active and whether single sign-on is configured for the organization.",
        "For a forgotten PIN, issue a new one through admin; never read a PIN out over chat.",
        "For missing permissions, confirm the request with the organization's administrator.",
        "Escalate to L2 only if the identity provider integration itself fails.",
      ],
    },
    selfService: {
      title: "I cannot sign in",
      body: "- Check that you use your **support user ID** (for example C1001), not your e-mail address.\n- PINs are 6 to 8 digits. After several failed tries you must wait a little before the next one.\n- Forgot your PIN? Ask your organization's administrator or open a service request to have a new one issued.",
    },
  },
  {
    slug: "billing",
    name: "Billing and invoices",
    description: "Invoices, charges, payment methods.",
    defaultImpact: "LOW",
    defaultUrgency: "LOW",
    sop: {
      title: "SOP: Billing and invoices",
      steps: [
        "Identify the invoice number and billing period in question.",
        "Compare the charge with the contract and usage records.",
        "Correct address or tax-ID errors directly; refunds need a manager's approval.",
        "Escalate disputed usage figures to L2 with the usage export attached.",
      ],
    },
    selfService: {
      title: "Understanding your invoice",
      body: "Invoices are issued on the first working day of each month. Usage is billed a month in arrears.\n\nTo change the billing address or tax ID, open a **service request** in the Billing category.",
    },
  },
  {
    slug: "data",
    name: "Data, exports and backups",
    description: "Missing or wrong data, exports, restores.",
    defaultImpact: "MEDIUM",
    defaultUrgency: "MEDIUM",
    sop: {
      title: "SOP: Data, exports and backups",
      steps: [
        "Establish which records are affected and the last time they were correct.",
        "Ask whether anyone ran an import, bulk edit or integration in that window.",
        "Never restore over live data without the customer's written approval.",
        "Collect record IDs and timestamps; escalate suspected data loss to L2 immediately as high urgency.",
      ],
    },
    selfService: {
      title: "Exporting your data",
      body: "Go to **Settings → Data → Export**, choose the period, and you will get a download link by e-mail.\n\nExports larger than 1 GB are split into parts.",
    },
  },
  {
    slug: "integration",
    name: "Integrations and API",
    description: "API errors, webhooks, connectors.",
    defaultImpact: "MEDIUM",
    defaultUrgency: "MEDIUM",
    sop: {
      title: "SOP: Integrations and API",
      steps: [
        "Record the endpoint, HTTP method, status code and request ID of a failing call. (required)",
        "Check API key validity and rate-limit headers in the response. (required)",
        "For webhooks, check the delivery log for the customer's endpoint and its response codes.",
        "Escalate to L2 with the request IDs if the platform returns 5xx for valid requests.",
      ],
    },
    selfService: {
      title: "API calls fail",
      body: "- `401`: the API key is missing or revoked.\n- `429`: you hit the rate limit; retry after the `Retry-After` header.\n- `5xx`: note the `X-Request-Id` header and open an incident with it.",
    },
  },
  {
    slug: "performance",
    name: "Performance",
    description: "Slow pages, timeouts, degraded response times.",
    defaultImpact: "MEDIUM",
    defaultUrgency: "MEDIUM",
    sop: {
      title: "SOP: Performance",
      steps: [
        "Ask which pages or calls are slow, since when, and from which region or network. (required)",
        "Measure response times from the support tenant for the same pages. (required)",
        "Check the monitoring dashboard for the region; link a known degradation if there is one.",
        "Escalate to L2 with timings and HAR files if slowness is reproducible.",
      ],
    },
    selfService: {
      title: "The platform is slow",
      body: "Check the **status page** for a known degradation. Try another network to rule out your connection.\n\nIf it stays slow, open an incident with the pages affected and the times you saw it.",
    },
  },
];
