"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { INPUT_CLASS } from "@/components/ui/field";
import { SAVED_VIEW_NAME_MAX } from "@/lib/validation/queue-preferences";

export interface SavedViewActions {
  create: (name: string) => Promise<string | null>;
  rename: (id: number, name: string) => Promise<string | null>;
  remove: (id: number) => Promise<string | null>;
}

/** Save the queue as it is now under a name, and rename or delete saved views: each answers with an error or null. */
export function SavedViewsMenu({ views, actions }: { views: { id: number; name: string }[]; actions: SavedViewActions }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (verb: (data: FormData) => Promise<string | null>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const failed = await verb(new FormData(form));
    setError(failed);
    if (!failed) form.reset();
  };
  const name = (data: FormData) => String(data.get("name") ?? "");
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
        Saved views
      </button>
      <Dialog open={open} title="Saved views" onClose={() => setOpen(false)}>
        <form onSubmit={submit((d) => actions.create(name(d)))} className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="save-view-name" className="block text-sm font-medium">
              Save the current view, filters, sort and columns as
            </label>
            <input id="save-view-name" name="name" required maxLength={SAVED_VIEW_NAME_MAX} className={INPUT_CLASS} />
          </div>
          <Button type="submit">Save view</Button>
        </form>
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
        {views.length > 0 && (
          <ul className="space-y-2">
            {views.map((v) => (
              <li key={v.id}>
                <form onSubmit={submit((d) => actions.rename(v.id, name(d)))} className="flex items-center gap-2">
                  <label htmlFor={`rename-view-${v.id}`} className="sr-only">
                    Name of {v.name}
                  </label>
                  <input id={`rename-view-${v.id}`} name="name" defaultValue={v.name} required maxLength={SAVED_VIEW_NAME_MAX} className={`${INPUT_CLASS} min-w-0 flex-1`} />
                  <Button type="submit" variant="secondary" className="px-3 py-1">
                    Rename
                  </Button>
                  <Button type="button" variant="danger" className="px-3 py-1" aria-label={`Delete ${v.name}`} onClick={async () => setError(await actions.remove(v.id))}>
                    Delete
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <div className="text-right">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Close
          </Button>
        </div>
      </Dialog>
    </>
  );
}
