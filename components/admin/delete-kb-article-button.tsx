"use client";

import type { AdminActionResult } from "./admin-action-result";
import { DeleteButton } from "./delete-button";

/** Delete on an article's page: back to the list once it is gone. */
export function DeleteKbArticleButton({ slug, onDelete }: { slug: string; onDelete: (slug: string) => Promise<AdminActionResult<unknown>> }) {
  return (
    <DeleteButton
      what="this article"
      consequence="An SOP article, or one whose deflections and feedback the self-service figures count, cannot be deleted: unpublish it instead."
      onDelete={() => onDelete(slug)}
      thenGoTo="/admin/kb"
    />
  );
}
