"use client";

import { RotateCcw } from "lucide-react";
import { BackLink } from "@/components/layout/back-link";
import { StatusPage } from "@/components/layout/status-page";
import { Button } from "@/components/ui/button";

/** A page that failed while rendering: no details (they may hold data), the reference the server log has, a retry and a way back. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="Error" title="Something went wrong">
      <title>Something went wrong · Tierdesk</title>
      <p className="text-slate-700">This page could not be shown. Try again; if it keeps failing, tell your admin{error.digest ? " the reference below" : ""}.</p>
      {error.digest && <p className="font-mono text-sm text-slate-700">Reference: {error.digest}</p>}
      <div className="flex flex-wrap gap-3">
        <Button onClick={reset} className="gap-1.5">
          <RotateCcw aria-hidden="true" className="size-4" />
          Try again
        </Button>
        <BackLink href="/">Back to Tierdesk</BackLink>
      </div>
    </StatusPage>
  );
}
