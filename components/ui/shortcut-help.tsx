"use client";

import { Button } from "./button";
import { Dialog } from "./dialog";

export interface Shortcut {
  key: string;
  does: string;
}

/** The keyboard shortcuts of a page, opened with "?". */
export function ShortcutHelp({ open, shortcuts, onClose }: { open: boolean; shortcuts: Shortcut[]; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {shortcuts.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-400 bg-slate-100 px-2 py-0.5 font-mono">{s.key}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600">Shortcuts do nothing while you type in a field.</p>
      <Button variant="secondary" onClick={onClose} autoFocus>
        Close
      </Button>
    </Dialog>
  );
}
