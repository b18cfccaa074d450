import { z } from "zod";
import { Tier } from "@/lib/db/generated/enums";
import { API_SCOPE_BY_CODE, API_SCOPE_CODE } from "@/lib/validation/api-scopes";
import { storableString } from "./text";

export const TOKEN_NAME_MAX = 200;
const SCOPE_CODES = Object.values(API_SCOPE_CODE) as [string, ...string[]];
const SERVICE_ACCOUNT_ROLES = ["AGENT", "MANAGER", "ADMIN"] as const;

/**
 * The service account a token acts as: found by user ID, or created as an agent (L1 unless a tier is named),
 * a manager or an admin. It has no secret anyone knows and can never sign in interactively.
 */
export const ZServiceAccount = z
  .strictObject({
    userId: storableString({ error: "Enter the service account's user ID." })
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, "2–32 letters, digits, dots, dashes or underscores."),
    name: storableString().trim().min(1, "Enter a name.").max(120, "Keep the name within 120 characters.").optional(),
    role: z.enum(SERVICE_ACCOUNT_ROLES, { error: "A service account is an AGENT, a MANAGER or an ADMIN." }).default("AGENT"),
    tier: z.enum(Tier, { error: "Choose a tier: L1, L2 or L3." }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role !== "AGENT" && v.tier) ctx.addIssue({ code: "custom", path: ["tier"], message: "Only agents have a tier." });
    if (v.tier === "L4") ctx.addIssue({ code: "custom", path: ["tier"], message: "L4 groups have no login: choose L1, L2 or L3." });
  })
  .transform((v) => ({ ...v, tier: v.role === "AGENT" ? (v.tier ?? "L1") : null }));
export type ServiceAccountInput = z.infer<typeof ZServiceAccount>;

/** A new API token: a name, at least one scope (as the API spells them), an optional expiry, and whom it acts as. */
export const ZCreateApiToken = z.strictObject({
  name: storableString({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(TOKEN_NAME_MAX, `Keep the name within ${TOKEN_NAME_MAX} characters.`),
  scopes: z
    .array(z.enum(SCOPE_CODES, { error: `A scope is one of ${SCOPE_CODES.join(", ")}.` }), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope.")
    .max(SCOPE_CODES.length)
    .transform((codes) => [...new Set(codes)].map((code) => API_SCOPE_BY_CODE[code]!)),
  expiresAt: z.union([z.iso.datetime({ offset: true, error: "An expiry is a date and time, e.g. 2027-01-31T00:00:00Z." }), z.null()]).optional(),
  serviceAccount: ZServiceAccount.optional(),
});
export type CreateApiTokenInput = z.infer<typeof ZCreateApiToken>;

export const ZApiTokenId = z.uuid({ error: "A token is named by its id." });

/** The token list's keyset cursor: the last row's creation time (ms) and id, newest first. */
export const ZApiTokenQuery = z.strictObject({
  cursor: storableString()
    .regex(/^\d{1,15}_[0-9a-f-]{36}$/, "Invalid cursor.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
