import { z } from "zod";
import { ZCalendarChoice } from "./calendar";

/** An organization's settings an admin changes: the calendar its customer clock runs on (a slug; null: the matrix version's). */
export const ZUpdateOrganization = z.strictObject({
  calendar: ZCalendarChoice,
});
export type UpdateOrganizationInput = z.infer<typeof ZUpdateOrganization>;
