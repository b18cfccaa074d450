import type { z } from "zod";
import { invalid, type FieldErrors } from "@/lib/errors";

/** Parses with a shared schema; a failure becomes a 400 with the fields at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw invalid(fields);
}
