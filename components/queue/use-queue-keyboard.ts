"use client";

import { useEffect } from "react";

/** True while the person is typing: shortcuts must not fire inside a field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * j/k move, x selects the row for a bulk action, Enter opens, ? shows help. Enter on a focused link or button is left to the browser, which
 * follows it already; modifier combinations are left alone too.
 */
export function useQueueKeyboard(handlers: { move: (by: 1 | -1) => void; open: () => void; help: () => void; toggle: () => void }): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        handlers.move(event.key === "j" ? 1 : -1);
      } else if (event.key === "x") {
        event.preventDefault();
        handlers.toggle();
      } else if (event.key === "?") {
        event.preventDefault();
        handlers.help();
      } else if (event.key === "Enter") {
        const target = event.target as HTMLElement | null;
        if (target?.closest("a, button")) return;
        handlers.open();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [handlers]);
}
