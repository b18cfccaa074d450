"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A new API token, shown this once with a copy button: only its SHA-256 is stored. */
export function NewTokenNotice({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="wrap-anywhere">
        Token <strong>{name}</strong>:
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-token" className="min-w-0 rounded bg-white px-2 py-1 font-mono text-sm break-all">
          {token}
        </code>
        <Button type="button" variant="secondary" className="px-2 py-1" onClick={copy}>
          Copy
        </Button>
        <span aria-live="polite" className="text-xs">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Copying failed: select the token and copy it by hand." : ""}
        </span>
      </div>
      <p className="font-medium">Copy it now: you will not see it again. Only a hash of it is kept.</p>
    </div>
  );
}
