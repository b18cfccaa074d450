import { z } from "zod";
import { storableString } from "./text";

export const CUSTOMER_SEARCH_LIMIT = 10;

/** The staff typeahead's query: part of a user ID, name, email or organization name. */
export const ZSearchCustomers = z.strictObject({
  q: storableString({ error: "Type part of a user ID, name, email or organization." })
    .trim()
    .min(1, "Type part of a user ID, name, email or organization.")
    .max(100, "Keep the search within 100 characters."),
});
export type SearchCustomersInput = z.infer<typeof ZSearchCustomers>;
