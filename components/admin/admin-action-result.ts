/** The answer of every admin server action: a message, field errors on failure, and data on success. */
export type AdminActionResult<T = undefined> =
  | { ok: true; message: string; data: T }
  | { ok: false; message: string; fields?: Record<string, string[]> };
