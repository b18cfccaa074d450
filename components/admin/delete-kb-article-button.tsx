"use client";

import type { ActionOutcome } from "@/lib/http/run-action";
import { DeleteButton } from "./delete-button";

/** Delete on an article's page: back to the list once it is gone. */
export function DeleteKbArticleButton({ slug, onDelete }: { slug: string; onDelete: (slug: string) => Promise<ActionOutcome<unknown>> }) {
  return (
    <DeleteButton
      what="this article"
      consequence="An SOP article, or one whose deflections and feedback the self-service figures count, cannot be deleted: unpublish it instead."
      onDelete={() => onDelete(slug)}
      thenGoTo="/admin/kb"
    />
  );
}
