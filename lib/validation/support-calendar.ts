import { z } from "zod";
import { storableString } from "./text";
import { AUTO_CLOSE_MAX_DAYS } from "@/lib/calendar/auto-close";
import { validateCalendar } from "@/lib/calendar/business-hours";

const hhmm = (field: string) => storableString({ error: `${field}: a time as HH:MM.` }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${field}: a time as HH:MM.`);

export const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const timeOfDay = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The support calendar: time zone, opening hours on workdays, holidays. Business-hours SLA clocks run on it. */
export const ZSupportCalendar = z
  .strictObject({
    timeZone: storableString({ error: "Enter a time zone." }).trim().min(1, "Enter a time zone.").max(64),
    workdays: z.array(z.number().int().min(1).max(7), { error: "Choose the workdays." }).min(1, "Choose at least one workday.").max(7),
    opensAt: hhmm("Opens at"),
    closesAt: hhmm("Closes at"),
    holidays: z
      .array(z.strictObject({ date: z.iso.date("A holiday's date as YYYY-MM-DD."), name: storableString().trim().min(1, "Name the holiday.").max(100) }))
      .max(400, "At most 400 holidays."),
    /** Absent: unchanged. */
    autoCloseBusinessDays: z
      .number({ error: "Auto-close: a whole number of business days." })
      .int("Auto-close: a whole number of business days.")
      .min(0, "Auto-close: 0 (never) or more business days.")
      .max(AUTO_CLOSE_MAX_DAYS, `Auto-close: at most ${AUTO_CLOSE_MAX_DAYS} business days.`)
      .optional(),
  })
  .superRefine((c, ctx) => {
    const problems = validateCalendar({ timeZone: c.timeZone, workdays: c.workdays, opensAtMinute: minuteOfDay(c.opensAt), closesAtMinute: minuteOfDay(c.closesAt), holidays: [] });
    for (const problem of problems) {
      const path = problem.includes("time zone") ? "timeZone" : problem.includes("workdays") ? "workdays" : "closesAt";
      ctx.addIssue({ code: "custom", path: [path], message: problem.charAt(0).toUpperCase() + problem.slice(1) + "." });
    }
    const dates = c.holidays.map((h) => h.date);
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: "custom", path: ["holidays"], message: "Each holiday date appears once." });
  });
export type SupportCalendarInput = z.infer<typeof ZSupportCalendar>;
