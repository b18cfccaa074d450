"use client";

import { useState } from "react";
import { QUEUE_COLUMNS, type QueueColumn } from "@/lib/validation/queue-preferences";
import { COLUMN_META } from "./queue-columns";

/** Show or hide the optional columns; each change is saved for this person at once. */
export function ColumnsMenu({ hidden, onChange }: { hidden: QueueColumn[]; onChange: (hidden: QueueColumn[]) => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (column: QueueColumn, shown: boolean) => {
    const next = shown ? hidden.filter((c) => c !== column) : [...hidden, column];
    setError(await onChange(next));
  };
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-52 rounded-md border border-slate-300 bg-white p-3 text-sm shadow-lg">
        <legend className="sr-only">Columns shown</legend>
        {QUEUE_COLUMNS.map((c) => (
          <label key={c} className="flex items-center gap-2 py-0.5">
            <input type="checkbox" checked={!hidden.includes(c)} onChange={(e) => void toggle(c, e.currentTarget.checked)} />
            {COLUMN_META[c].header}
          </label>
        ))}
        {error && <p className="mt-2 text-red-800">{error}</p>}
      </fieldset>
    </details>
  );
}
