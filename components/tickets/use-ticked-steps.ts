"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";

const CHANGED = "tierdesk:ticked-steps";

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The SOP steps ticked on a ticket, by index, kept in sessionStorage for this tab. */
export function useTickedSteps(ticketNumber: string): [Set<number>, (index: number, ticked: boolean) => void] {
  const key = `tierdesk:sop:${ticketNumber}`;
  const raw = useSyncExternalStore(
    subscribe,
    () => sessionStorage.getItem(key),
    () => null,
  );
  const ticked = useMemo(() => {
    try {
      const parsed: unknown = JSON.parse(raw ?? "[]");
      return new Set(Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : []);
    } catch {
      return new Set<number>();
    }
  }, [raw]);
  const setTicked = useCallback(
    (index: number, on: boolean) => {
      const next = new Set(ticked);
      if (on) next.add(index);
      else next.delete(index);
      sessionStorage.setItem(key, JSON.stringify([...next].sort((a, b) => a - b)));
      window.dispatchEvent(new Event(CHANGED));
    },
    [key, ticked],
  );
  return [ticked, setTicked];
}
