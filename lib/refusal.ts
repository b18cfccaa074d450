import { AppError, invalid } from "@/lib/errors";

/** A rule's "no": the error code the API answers with, the sentence the user reads, and the field at fault. */
export type Refusal = { ok: false; code: "FORBIDDEN" | "CONFLICT" | "VALIDATION"; message: string; field?: string };
/** A pure rule's answer: allowed, with what it checked, or refused. */
export type Verdict<T> = ({ ok: true } & T) | Refusal;

/** A refusal as the error the API maps to 400 (on its field, else `field`), 403 or 409. */
export function refusalError(refusal: Refusal, field = "_"): AppError {
  return refusal.code === "VALIDATION" ? invalid({ [refusal.field ?? field]: [refusal.message] }) : new AppError(refusal.code, refusal.message);
}
