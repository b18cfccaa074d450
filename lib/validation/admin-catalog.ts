import { z } from "zod";
import { AssignmentMode, Impact, L4Kind, Urgency } from "@/lib/db/generated/enums";

const slug = (message: string) => z.string({ error: message }).trim().regex(/^[a-z0-9-]{1,64}$/, message);

/** A support group's settings and members (by user ID). The slug and tier do not change. */
export const ZUpdateSupportGroup = z.strictObject({
  slug: slug("Choose a group."),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Keep the name within 120 characters."),
  assignmentMode: z.enum(AssignmentMode, { error: "AUTO or PULL." }),
  l4Kind: z.union([z.literal(""), z.enum(L4Kind, { error: "VENDOR or ENGINEERING." })]).optional(),
  members: z.array(z.string().trim().min(1).max(64)).max(500, "At most 500 members."),
});

/** A category's defaults, SOP article and L2 group (slugs; empty for none). The slug does not change. */
export const ZUpdateCategory = z.strictObject({
  slug: slug("Choose a category."),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Keep the name within 120 characters."),
  description: z.string().trim().max(1_000, "Keep the description within 1,000 characters.").default(""),
  defaultImpact: z.enum(Impact, { error: "Choose an impact." }),
  defaultUrgency: z.enum(Urgency, { error: "Choose an urgency." }),
  sopArticle: z.union([z.literal(""), slug("Choose an article.")]),
  l2Group: z.union([z.literal(""), slug("Choose an L2 group.")]),
});
