"use client";

import { useEffect } from "react";

/**
 * Drops `?done=` from the address once its notice is on screen, so the notice stays for this view only:
 * the next action, a reload or a shared link shows the ticket as it is then, not an old "closed" or "reopened".
 */
export function ForgetNoticeParam() {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (!params.has("done")) return;
    params.delete("done");
    const query = params.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
  }, []);
  return null;
}
