import type { z } from "zod";

declare const uncheckedInput: unique symbol;

/**
 * Input nobody has checked yet: a request body, query string or form as it arrived. Only the readers where
 * input enters the system (readJsonBody, readSearchParams, a server action's form) and tests that send bad
 * input on purpose make one, with `unchecked`; the verb's schema is what checks it.
 */
export type Unchecked = { readonly [uncheckedInput]: true };

/** Marks a value as not checked yet: the verb it is passed to parses it like any other input. */
export const unchecked = (value: unknown): Unchecked => value as Unchecked;

/**
 * What a verb accepts: its schema's input, typed for callers in code (tests, scripts, other services), or
 * unchecked input from a request. The verb parses either the same way.
 */
export type VerbInput<S extends z.ZodType> = z.input<S> | Unchecked;
