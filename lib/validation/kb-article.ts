import { z } from "zod";
import { storableString } from "./text";
import { ArticleAudience } from "@/lib/db/generated/enums";

export const KB_BODY_MAX = 50_000;

/** A KB article as admins write it: Markdown body, for customers (self-service) or agents (SOPs, notes). */
export const ZKbArticle = z.strictObject({
  slug: storableString({ error: "Enter a slug." }).trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and single dashes, e.g. reset-vpn.").max(80, "Keep the slug within 80 characters."),
  title: storableString({ error: "Enter a title." }).trim().min(1, "Enter a title.").max(200, "Keep the title within 200 characters."),
  body: storableString({ error: "Write the article." }).trim().min(1, "Write the article.").max(KB_BODY_MAX, `Keep the article within ${KB_BODY_MAX.toLocaleString("en")} characters.`),
  audience: z.enum(ArticleAudience, { error: "Choose customers or agents." }),
  category: z.union([z.literal(""), storableString().trim().regex(/^[a-z0-9-]{1,64}$/, "Choose a category.")]).optional(),
  published: z.boolean().default(true),
});
export type KbArticleInput = z.infer<typeof ZKbArticle>;
