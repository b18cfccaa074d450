"use client";

import { useEffect, useState } from "react";

/**
 * The current time, re-read every `everyMs`. It starts from the server's render time so that the first
 * client render matches the server's HTML (no hydration mismatch), then follows the browser's clock.
 */
export function useNow(serverNow: string, everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
