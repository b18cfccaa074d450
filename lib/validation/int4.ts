import { z } from "zod";
import { storableString } from "./text";

/**
 * The largest PostgreSQL `integer` (int4). Row ids, versions and the cursors made of them are int4 columns:
 * a larger number in a comparison fails in the database as a 500, so inputs stop here with a 400.
 */
export const INT4_MAX = 2_147_483_647;

/** A keyset cursor that is a row id, as a query string gives it: 1 … INT4_MAX. */
export const idCursor = (message = "Invalid cursor.") =>
  storableString()
    .regex(/^[1-9][0-9]{0,9}$/, { message, abort: true })
    .refine((value) => Number(value) <= INT4_MAX, message);

/** A version (or another positive int4) a client sends back: 1 … INT4_MAX. */
export const positiveInt4 = (message: string, coerce = false) =>
  (coerce ? z.coerce.number({ error: message }) : z.number({ error: message })).int(message).min(1, message).max(INT4_MAX, message);
