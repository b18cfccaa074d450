import { z } from "zod";
import { storableString } from "./text";
import { AssignmentMode, Impact, L4Kind, Priority, Tier, Urgency } from "@/lib/db/generated/enums";
import { ZCalendarChoice, ZCalendarSlug } from "./calendar";

const slug = (message: string) => storableString({ error: message }).trim().regex(/^[a-z0-9-]{1,64}$/, message);

/** The slug of a new group or category: lower-case words joined by single dashes; it never changes afterwards. */
const newSlug = storableString({ error: "Enter a slug." })
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and single dashes, e.g. night-shift.")
  .max(64, "Keep the slug within 64 characters.");

const name = storableString({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Keep the name within 120 characters.");

/** A new support group: its tier is fixed from now on; L4 groups are a vendor or an engineering team. Members are added by editing it. */
const minutes = (field: string) =>
  z
    .number({ error: `Give the ${field} in minutes.` })
    .int(`Give the ${field} in whole minutes.`)
    .min(1, `The ${field} is at least 1 minute.`)
    .max(525_600, `Keep the ${field} within a year (525,600 minutes).`);

/** One priority's vendor target of an L4 group: response and resolution on a calendar (a slug; "24x7" for always). */
export const ZVendorTarget = z
  .strictObject({
    priority: z.enum(Priority, { error: "Choose a priority." }),
    responseMinutes: minutes("response target"),
    resolutionMinutes: minutes("resolution target"),
    calendar: ZCalendarSlug,
  })
  .refine((t) => t.responseMinutes <= t.resolutionMinutes, { message: "The response target cannot be longer than the resolution target.", path: ["resolutionMinutes"] });

export const ZVendorTargets = z
  .array(ZVendorTarget)
  .max(5, "At most one target per priority.")
  .refine((targets) => new Set(targets.map((t) => t.priority)).size === targets.length, { message: "One target per priority." });

export const ZCreateSupportGroup = z
  .strictObject({
    slug: newSlug,
    name,
    tier: z.enum(Tier, { error: "Choose a tier." }),
    assignmentMode: z.enum(AssignmentMode, { error: "AUTO or PULL." }),
    l4Kind: z.union([z.literal(""), z.enum(L4Kind, { error: "VENDOR or ENGINEERING." })]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.tier === "L4" && !v.l4Kind) ctx.addIssue({ code: "custom", path: ["l4Kind"], message: "An L4 group is a vendor or an engineering team." });
    if (v.tier !== "L4" && v.l4Kind) ctx.addIssue({ code: "custom", path: ["l4Kind"], message: "Only L4 groups have a kind." });
  });
export type CreateSupportGroupInput = z.infer<typeof ZCreateSupportGroup>;

/** A group, category or article to delete, by its slug. */
export const ZSlugRef = z.strictObject({ slug: slug("Give the slug.") });

/** A support group's settings, members and leads (by user ID). The slug and tier do not change. */
export const ZUpdateSupportGroup = z.strictObject({
  slug: slug("Choose a group."),
  name,
  assignmentMode: z.enum(AssignmentMode, { error: "AUTO or PULL." }),
  l4Kind: z.union([z.literal(""), z.enum(L4Kind, { error: "VENDOR or ENGINEERING." })]).optional(),
  members: z.array(storableString().trim().min(1).max(64)).max(500, "At most 500 members."),
  /** The members who lead the group (told of its alerts: breaches, budgets spent, escalation requests); omitted: the leads stay as they are. */
  leads: z.array(storableString().trim().min(1).max(64)).max(500, "At most 500 leads.").optional(),
  /** The calendar its tier budgets run on (a calendar's slug), null for the matrix version's; omitted: unchanged. */
  calendar: ZCalendarChoice.optional(),
  /** L4 groups only: the vendor's targets per priority, replacing the ones set; omitted: unchanged. */
  vendorTargets: ZVendorTargets.optional(),
});

/** A category's defaults, SOP article and L2 group (slugs; empty for none). The slug does not change. */
export const ZUpdateCategory = z.strictObject({
  slug: slug("Choose a category."),
  name,
  description: storableString().trim().max(1_000, "Keep the description within 1,000 characters.").default(""),
  defaultImpact: z.enum(Impact, { error: "Choose an impact." }),
  defaultUrgency: z.enum(Urgency, { error: "Choose an urgency." }),
  sopArticle: z.union([z.literal(""), slug("Choose an article.")]),
  l2Group: z.union([z.literal(""), slug("Choose an L2 group.")]),
});
export type UpdateCategoryInput = z.infer<typeof ZUpdateCategory>;

/** A new category: the same settings as an edit, under a new slug (no SOP article and the default L2 group unless given). */
export const ZCreateCategory = ZUpdateCategory.extend({
  slug: newSlug,
  sopArticle: ZUpdateCategory.shape.sopArticle.default(""),
  l2Group: ZUpdateCategory.shape.l2Group.default(""),
});
