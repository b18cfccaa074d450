import { z } from "zod";
import { Impact, Urgency } from "@/lib/db/generated/enums";
import { storableString } from "./text";

export const INTEGRATION_NAME_MAX = 200;
/** The severities the admin page maps; a payload's other severities take the category's defaults. */
export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

const SLUG = /^[a-z0-9-]{1,64}$/;
const slugMessage = "Use 1–64 lowercase letters, digits and hyphens.";

const checkbox = z.preprocess((value) => (value === "on" || value === "true" ? true : value === "false" ? false : value), z.boolean({ error: "true or false." }));

export const ZSeverityLevel = z.strictObject({
  impact: z.enum(Impact, { error: "HIGH, MEDIUM or LOW." }),
  urgency: z.enum(Urgency, { error: "HIGH, MEDIUM or LOW." }),
});
export type SeverityLevel = z.infer<typeof ZSeverityLevel>;

export const ZSeverityMap = z.strictObject({ critical: ZSeverityLevel, warning: ZSeverityLevel, info: ZSeverityLevel });
export type SeverityMap = z.infer<typeof ZSeverityMap>;

/** An Alertmanager integration as an admin saves it: whom incidents are opened for, their category, how labels map. */
export const ZIntegration = z.strictObject({
  name: storableString({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(INTEGRATION_NAME_MAX, `Keep the name within ${INTEGRATION_NAME_MAX} characters.`),
  slug: storableString({ error: slugMessage }).trim().regex(SLUG, slugMessage),
  /** The customer's user ID (an active customer). */
  customer: storableString({ error: "Choose the customer incidents are opened for." }).trim().min(1, "Choose the customer incidents are opened for.").max(64),
  /** A category's slug: the incidents' category unless `categoryLabel` names another. */
  category: storableString({ error: "Choose a category." }).trim().min(1, "Choose a category.").max(64),
  severityMap: ZSeverityMap.optional(),
  /** The alert label whose value names a category slug; empty: always `category`. */
  categoryLabel: z
    .union([z.literal(""), storableString().trim().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/, "A Prometheus label name: letters, digits and _, not starting with a digit.")])
    .optional(),
  resolveOnResolved: checkbox.optional(),
});
export type IntegrationInput = z.infer<typeof ZIntegration>;

/** A change to an integration: any of its fields, and `active` to switch it back on. */
export const ZIntegrationPatch = ZIntegration.partial().extend({ active: checkbox.optional() });
export type IntegrationPatch = z.infer<typeof ZIntegrationPatch>;

/** An integration as the API names it: its id (a UUID) or its slug. */
export const ZIntegrationRef = storableString({ error: "Name an integration by its id or slug." }).trim().min(1).max(64);
export const ZIntegrationSlug = storableString({ error: "Add ?integration=<slug> to the URL." })
  .trim()
  .regex(SLUG, "Add ?integration=<slug> to the URL: the slug of an integration on /admin/integrations.");
