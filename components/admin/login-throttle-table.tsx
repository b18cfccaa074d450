"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { LoginThrottleView } from "@/lib/admin/list-login-throttles";
import type { ActionOutcome } from "@/lib/http/run-action";

/** Failed-login counters per user ID and address; admins clear one to let it try again at once. */
export function LoginThrottleTable({ throttles, canWrite, onClear }: { throttles: LoginThrottleView[]; canWrite: boolean; onClear: (key: string) => Promise<ActionOutcome<void>> }) {
  const [outcome, setOutcome] = useState<ActionOutcome<void> | null>(null);
  return (
    <section aria-labelledby="throttle-heading" className="space-y-3">
      <h2 id="throttle-heading" className="text-lg font-semibold text-slate-900">
        Login throttling
      </h2>
      {outcome && (
        <p role={outcome.ok ? "status" : "alert"} className={`text-sm ${outcome.ok ? "text-green-900" : "text-red-800"}`}>
          {outcome.message}
        </p>
      )}
      {!throttles.length ? (
        <p className="text-sm text-slate-700">No failed logins on record.</p>
      ) : (
        <TableScroll label="Login throttling">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">Key</th>
              <th scope="col" className="p-2">Failures</th>
              <th scope="col" className="p-2">Last failure (UTC)</th>
              <th scope="col" className="p-2">Slowed down until (UTC)</th>
              {canWrite && <th scope="col" className="p-2">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {throttles.map((t) => (
              <tr key={t.key} className="border-b border-slate-100">
                <th scope="row" className="p-2 text-left font-mono font-normal whitespace-nowrap">
                  {t.key}
                </th>
                <td className="p-2">{t.failures}</td>
                <td className="p-2 whitespace-nowrap">{t.lastFailureAt.replace("T", " ").slice(0, 19)}</td>
                <td className="p-2 whitespace-nowrap">{t.blocked ? t.blockedUntil.replace("T", " ").slice(0, 19) : "not blocked"}</td>
                {canWrite && (
                  <td className="p-2">
                    <Button type="button" variant="secondary" className="px-2 py-1" onClick={async () => setOutcome(await onClear(t.key))} aria-label={`Clear ${t.key}`}>
                      Clear
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}
