"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "j", does: "Next ticket" },
  { keys: "k", does: "Previous ticket" },
  { keys: "x", does: "Select the ticket for a bulk action (shift-click a box selects a range)" },
  { keys: "Enter", does: "Open the ticket" },
  { keys: "?", does: "Show this help" },
  { keys: "Esc", does: "Close this help" },
];

/** The shortcut list as a modal dialog (focus stays inside; Escape closes it). */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="keyboard-help-heading" onClose={onClose} className="m-auto rounded-lg border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40">
      <h2 id="keyboard-help-heading" className="mb-3 text-lg font-bold">
        Keyboard shortcuts
      </h2>
      <p className="mb-3 text-sm text-slate-700">They work anywhere on the queue except while you type in a field.</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-2 py-0.5 font-mono">{s.keys}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
          Close
        </button>
      </form>
    </dialog>
  );
}
