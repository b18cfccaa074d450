import { z } from "zod";

/**
 * PostgreSQL cannot store U+0000 in text (nor compare with it): a string holding one would fail in the
 * database as a 500. Every text input is refused here instead, as a 400 that names the field.
 */
export const NUL_MESSAGE = "Remove the NUL character (U+0000): it cannot be stored.";
const WITHOUT_NUL = /^[^\u0000]*$/;

/**
 * The string every text field and query parameter is built on: any Unicode text (emoji, right-to-left
 * scripts, …) except NUL. Use it instead of `z.string` (ESLint refuses `z.string` outside this file).
 */
export const storableString = (params?: Parameters<typeof z.string>[0]) => z.string(params).regex(WITHOUT_NUL, NUL_MESSAGE);
