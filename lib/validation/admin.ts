import { z } from "zod";
import { storableString } from "./text";
import { positiveInt4 } from "./int4";
import { Role, Tier } from "@/lib/db/generated/enums";
import { ZPriorityMatrix } from "./routing";
import { ZCreateCalendar } from "./calendar";

/** The longest period a what-if replays. */
export const WHAT_IF_MAX_DAYS = 366;

const isoDay = (field: string) => z.iso.date({ error: `${field}: a date as YYYY-MM-DD.` });

export const ZWhatIf = z
  .strictObject({
    from: isoDay("From"),
    to: isoDay("To"),
    draft: ZPriorityMatrix,
    /** Calendars with other hours for the draft, by slug (a calendar in use: the default, an organization's, a group's, a vendor target's). */
    calendars: z.array(ZCreateCalendar).max(20, "At most 20 draft calendars.").optional(),
  })
  .superRefine((v, ctx) => {
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "The period ends before it starts." });
    else if (days > WHAT_IF_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `Choose a period of at most ${WHAT_IF_MAX_DAYS} days.` });
    const slugs = (v.calendars ?? []).map((c) => c.slug);
    if (new Set(slugs).size !== slugs.length) ctx.addIssue({ code: "custom", path: ["calendars"], message: "Each calendar appears once." });
  });
export type WhatIfInput = z.infer<typeof ZWhatIf>;

export const ZAuditQuery = z.strictObject({
  cursor: positiveInt4("Invalid cursor.", true).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  entity: storableString().trim().min(1).max(64).optional(),
});

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;

export const ZCreatePerson = z
  .strictObject({
    userId: storableString({ error: "Enter a user ID." }).trim().regex(USER_ID, "2–32 letters, digits, dots, dashes or underscores."),
    name: storableString({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Keep the name within 120 characters."),
    email: z.union([z.literal(""), z.email("Enter a valid email address.").max(200)]).optional(),
    role: z.enum(Role, { error: "Choose a role." }),
    tier: z.union([z.literal(""), z.enum(Tier, { error: "Choose a tier." })]).optional(),
    organization: storableString().trim().max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === "AGENT" && !v.tier) ctx.addIssue({ code: "custom", path: ["tier"], message: "Agents work at a tier: choose L1, L2 or L3." });
    if (v.role === "AGENT" && v.tier === "L4") ctx.addIssue({ code: "custom", path: ["tier"], message: "L4 groups have no login: choose L1, L2 or L3." });
    if (v.role !== "AGENT" && v.tier) ctx.addIssue({ code: "custom", path: ["tier"], message: "Only agents have a tier." });
    if (v.role !== "CUSTOMER" && v.organization) ctx.addIssue({ code: "custom", path: ["organization"], message: "Only customers belong to an organization." });
  });
export type CreatePersonInput = z.infer<typeof ZCreatePerson>;

/** One person, by their login ID. */
export const ZPersonRef = z.strictObject({
  userId: storableString({ error: "Give the user ID." }).trim().min(1, "Give the user ID.").max(64),
});

/** One login-throttle row, by key ("user:<id>" or "ip:<address>"). */
export const ZThrottleRef = z.strictObject({
  key: storableString({ error: "Give the key." }).trim().regex(/^(user|ip):.{1,200}$/, "A key is user:<id> or ip:<address>."),
});
