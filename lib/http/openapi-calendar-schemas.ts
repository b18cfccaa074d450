// The named calendars' and organizations' routes of /api/v1/admin (issue 19) and their response shapes as JSON
// Schema: mirrors CalendarView and CalendarVersionView (lib/admin/calendar-view.ts) and OrganizationView
// (lib/admin/list-organizations.ts).
import { ZCreateCalendar, ZPublishCalendar } from "@/lib/validation/calendar";
import { ZUpdateOrganization } from "@/lib/validation/organization";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const strings: JsonSchema = { type: "array", items: string };
const date: JsonSchema = { type: "string", format: "date" };
const hhmm = (description: string): JsonSchema => ({ type: "string", pattern: "^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$", description });

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const versionProperties: Record<string, JsonSchema> = {
  version: { type: "integer", minimum: 1 },
  publishedAt: { type: "string", format: "date-time" },
  publishedBy: { type: ["string", "null"], description: "The user ID of the admin who published it; null for a version made by a migration or the seed." },
  note: { ...string, description: "Why this version." },
  timeZone: { ...string, description: "IANA time zone, e.g. Europe/Berlin." },
  windows: {
    type: "array",
    description: "Opening windows in local time; a weekday without one is closed.",
    items: object({ weekday: { type: "integer", minimum: 1, maximum: 7, description: "ISO weekday: 1 = Monday … 7 = Sunday." }, opensAt: hhmm("HH:MM local time."), closesAt: hhmm("HH:MM local time; 24:00 is midnight at the day's end.") }),
  },
  holidays: { type: "array", description: "Closed days, each range from … to with both days included.", items: object({ from: date, to: date, name: string }) },
};

const CALENDAR_NOTE =
  "The hours are checked as a whole: an unknown time zone is a 400 on timeZone; windows on one weekday that overlap, or one that closes before it opens, " +
  "a 400 on windows; a holiday range that ends before it starts, a 400 on holidays. Nothing is written then.";

const CHOICE_NOTE = "calendar: a calendar's slug, or null for the priority matrix version's calendar; an unknown slug is a 400 on calendar.";

export const CALENDAR_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  CalendarVersion: object(versionProperties),
  Calendar: object(
    {
      slug: string,
      name: string,
      builtIn: { type: "boolean", description: "The 24×7 calendar: always open; it cannot be changed or deleted." },
      ...versionProperties,
      usedBy: object(
        { organizations: strings, groups: strings, matrix: { type: "boolean", description: "The newest priority matrix version runs on it (the default calendar)." } },
        "Whose clocks run on it: organizations (the customer clock), groups (tier budgets), the matrix.",
      ),
    },
    "A calendar with its version in force (the newest).",
  ),
  CalendarList: object({ calendars: { type: "array", items: ref("Calendar") } }),
  CalendarResponse: object({ calendar: ref("Calendar") }),
  CalendarVersionList: object({ versions: { type: "array", items: ref("CalendarVersion"), description: "Newest first." } }),
  Organization: object({
    slug: string,
    name: string,
    calendar: { type: ["string", "null"], description: "The slug of the calendar its customer clock runs on; null: the priority matrix version's." },
  }),
  OrganizationList: object({ organizations: { type: "array", items: ref("Organization") } }),
  OrganizationResponse: object({ organization: ref("Organization") }),
};

export const CALENDAR_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/admin/calendars",
    operationId: "listCalendars",
    summary: "Business-hours calendars, the built-in 24×7 first, then by name, each with its version in force and who runs on it (admins and managers).",
    response: { status: 200, description: "The calendars.", schema: "CalendarList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/calendars",
    operationId: "createCalendar",
    summary: "Create a named calendar with its version 1: time zone, opening windows per weekday, holidays (admins).",
    description: `A slug another calendar has is a 409. ${CALENDAR_NOTE}`,
    body: { name: "CreateCalendar", schema: ZCreateCalendar },
    response: { status: 201, description: "The calendar.", schema: "CalendarResponse" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: "/api/v1/admin/calendars/{slug}",
    operationId: "getCalendar",
    summary: "One calendar with its version in force (admins and managers).",
    response: { status: 200, description: "The calendar.", schema: "CalendarResponse" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/admin/calendars/{slug}",
    operationId: "publishCalendarVersion",
    summary: "Publish the calendar's next version: its name and the whole of its hours (admins).",
    description:
      "Clocks that run on it count the new hours from now on; earlier versions stay readable and due times already on tickets stay as computed " +
      `until the ticket's next change. Concurrent publications are numbered one after another. The built-in 24×7 calendar is a 409. ${CALENDAR_NOTE}`,
    body: { name: "PublishCalendar", schema: ZPublishCalendar },
    response: { status: 200, description: "The calendar with its new version.", schema: "CalendarResponse" },
    errors: [403, 409],
  },
  {
    method: "delete",
    path: "/api/v1/admin/calendars/{slug}",
    operationId: "deleteCalendar",
    summary: "Delete a calendar with its versions (admins).",
    description: "409, naming each, while an organization, a group or any priority matrix version runs on it, or for the built-in 24×7; nothing changes then.",
    response: { status: 200, description: "Deleted.", schema: "Deleted" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: "/api/v1/admin/calendars/{slug}/versions",
    operationId: "listCalendarVersions",
    summary: "Every published version of a calendar, newest first, with who published it and when (admins and managers).",
    response: { status: 200, description: "The versions.", schema: "CalendarVersionList" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/admin/organizations",
    operationId: "listOrganizations",
    summary: "Organizations by slug, at most 500, with the calendar each one's customer clock runs on (admins and managers).",
    response: { status: 200, description: "The organizations.", schema: "OrganizationList" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/admin/organizations/{slug}",
    operationId: "updateOrganization",
    summary: "Set the calendar an organization's customer clock runs on (admins).",
    description: `${CHOICE_NOTE} Due times already on its tickets stay as computed until each ticket's next change.`,
    body: { name: "UpdateOrganization", schema: ZUpdateOrganization },
    response: { status: 200, description: "The organization.", schema: "OrganizationResponse" },
    errors: [403],
  },
];
