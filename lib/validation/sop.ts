import { z } from "zod";
import { storableString } from "./text";

/** Tick or untick one SOP step: the step by its text (as the SOP shows it, without "(required)") or its 1-based number. */
export const ZSetSopStep = z.strictObject({
  step: z.union(
    [
      z.number().int("A step number is a whole number.").min(1, "Steps are numbered from 1.").max(500, "There is no such step."),
      storableString().trim().min(1, "Name the step.").max(1_000, "Keep a step within 1,000 characters."),
    ],
    { error: "Name the step by its text or its number (from 1)." },
  ),
  done: z.boolean({ error: "done: true to tick the step, false to untick it." }),
});
export type SetSopStepInput = z.infer<typeof ZSetSopStep>;
