import { z } from "zod";
import { validateCalendar } from "@/lib/calendar/business-hours";
import { storableString } from "./text";
import { minuteOfDay } from "./support-calendar";

const hhmm = (field: string) => storableString({ error: `${field}: a time as HH:MM.` }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${field}: a time as HH:MM.`);

export const ZCalendarSlug = storableString({ error: "A calendar's slug." })
  .trim()
  .min(2, "A slug of 2 to 40 characters.")
  .max(40, "A slug of 2 to 40 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens, e.g. berlin-office.");

const ZWindow = z.strictObject({
  weekday: z.number({ error: "A weekday 1 (Monday) … 7 (Sunday)." }).int().min(1, "A weekday 1 (Monday) … 7 (Sunday).").max(7, "A weekday 1 (Monday) … 7 (Sunday)."),
  opensAt: hhmm("Opens at"),
  closesAt: hhmm("Closes at"),
});

const ZHoliday = z.strictObject({
  from: z.iso.date("A holiday's first day as YYYY-MM-DD."),
  /** Absent: one day. */
  to: z.iso.date("A holiday's last day as YYYY-MM-DD.").optional(),
  name: storableString().trim().min(1, "Name the holiday.").max(200, "A holiday's name: at most 200 characters."),
});

/** A calendar's hours as published in a version: time zone, opening windows per weekday, holidays (days or ranges). */
const calendarHours = {
  name: storableString({ error: "Name the calendar." }).trim().min(1, "Name the calendar.").max(200, "A name of at most 200 characters."),
  timeZone: storableString({ error: "Enter a time zone." }).trim().min(1, "Enter a time zone.").max(64),
  windows: z.array(ZWindow, { error: "List the opening windows." }).min(1, "At least one opening window.").max(70, "At most 70 opening windows."),
  holidays: z.array(ZHoliday).max(400, "At most 400 holidays."),
  /** Why this version: shown in the version history. */
  note: storableString().trim().max(200, "A note of at most 200 characters.").optional(),
};

type Hours = { timeZone: string; windows: z.infer<typeof ZWindow>[]; holidays: z.infer<typeof ZHoliday>[] };

/** The pure rules' problems with the hours, each on the field at fault. */
function checkHours(c: Hours, ctx: z.RefinementCtx) {
  const problems = validateCalendar(calendarOfInput(c));
  for (const problem of problems) {
    const path = problem.includes("time zone") ? "timeZone" : problem.startsWith("holiday") ? "holidays" : "windows";
    ctx.addIssue({ code: "custom", path: [path], message: problem.charAt(0).toUpperCase() + problem.slice(1) + "." });
  }
}

/** The input's hours in the pure rules' shape. */
export function calendarOfInput(c: Hours) {
  return {
    timeZone: c.timeZone,
    windows: c.windows.map((w) => ({ weekday: w.weekday, opensAtMinute: minuteOfDay(w.opensAt), closesAtMinute: minuteOfDay(w.closesAt) })),
    holidays: c.holidays.map((h) => ({ from: h.from, to: h.to ?? h.from, name: h.name })),
  };
}

/** A new calendar: its slug and its first version. */
export const ZCreateCalendar = z.strictObject({ slug: ZCalendarSlug, ...calendarHours }).superRefine(checkHours);
export type CreateCalendarInput = z.infer<typeof ZCreateCalendar>;

/** A calendar's next version (PUT): everything but the slug. */
export const ZPublishCalendar = z.strictObject(calendarHours).superRefine(checkHours);
export type PublishCalendarInput = z.infer<typeof ZPublishCalendar>;

/** A calendar named in a path. */
export const ZCalendarRef = z.strictObject({ slug: ZCalendarSlug });

/** What an organization or group runs on: a calendar's slug, or null for the matrix version's. */
export const ZCalendarChoice = ZCalendarSlug.nullable();
