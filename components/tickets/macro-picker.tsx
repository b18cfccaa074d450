"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { INPUT_CLASS } from "@/components/ui/field";
import { STATUS_LABEL, VISIBILITY_LABEL } from "@/lib/labels";
import type { MacroChoice } from "@/lib/macros/ticket-macros";

/** The macros offered on this ticket in a dialog: typing filters by title or category, Enter applies the first. */
export function MacroPicker({ open, macros, busy, error, onApply, onClose }: { open: boolean; macros: MacroChoice[]; busy: boolean; error: string | null; onApply: (macro: MacroChoice) => void; onClose: () => void }) {
  const [filter, setFilter] = useState("");
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = macros.filter((m) => words.every((w) => `${m.title} ${m.category ?? "all categories"}`.toLowerCase().includes(w)));

  return (
    <Dialog open={open} title="Apply a macro" onClose={onClose}>
      <label htmlFor="macro-filter" className="block text-sm font-medium">
        Find a macro
      </label>
      <input
        id="macro-filter"
        type="search"
        autoFocus
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && shown[0]) {
            e.preventDefault();
            onApply(shown[0]);
          }
        }}
        aria-describedby="macro-filter-hint"
        className={INPUT_CLASS}
      />
      <p id="macro-filter-hint" className="text-xs text-slate-700">
        The text fills the composer for you to review and edit: nothing is sent until you send it.
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <ul aria-label="Macros" className="max-h-80 space-y-1 overflow-y-auto">
        {shown.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              disabled={busy}
              onClick={() => onApply(m)}
              className="w-full min-w-0 rounded-md border border-slate-200 px-3 py-2 text-left hover:border-indigo-300 hover:bg-indigo-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-60"
            >
              <span className="block font-medium wrap-anywhere text-slate-900">{m.title}</span>
              <span className="block text-xs text-slate-700">
                {m.category ?? "All categories"} · {VISIBILITY_LABEL[m.visibility]}
                {m.setStatus ? ` · sets ${STATUS_LABEL[m.setStatus]}` : ""}
              </span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="text-sm text-slate-700">{macros.length ? "No macro matches." : "No macro is offered for this ticket's category."}</li>}
      </ul>
      <Button type="button" variant="secondary" onClick={onClose}>
        Cancel
      </Button>
    </Dialog>
  );
}
