"use client";

import { useState } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import { ROLE_LABEL } from "@/lib/labels";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PersonView } from "@/lib/admin/person-json";
import type { ActionOutcome } from "@/lib/http/run-action";
import { SecretNotice } from "./secret-notice";

/** Everyone, with Issue PIN (customers), Reset password (staff) and Deactivate for admins. */
export function PeopleTable({
  people,
  canWrite,
  onIssuePin,
  onResetPassword,
  onDeactivate,
}: {
  people: PersonView[];
  canWrite: boolean;
  onIssuePin: (userId: string) => Promise<ActionOutcome<{ userId: string; pin: string }>>;
  onResetPassword: (userId: string) => Promise<ActionOutcome<{ userId: string; password: string }>>;
  onDeactivate: (userId: string) => Promise<ActionOutcome<string>>;
}) {
  const [outcome, setOutcome] = useState<ActionOutcome<unknown> | null>(null);
  const [issued, setIssued] = useState<{ userId: string; kind: "PIN" | "new password"; secret: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function issue(userId: string) {
    setBusy(userId);
    const result = await onIssuePin(userId);
    setIssued(result.ok ? { userId: result.data.userId, kind: "PIN", secret: result.data.pin } : null);
    setOutcome(result.ok ? null : result);
    setBusy(null);
  }

  async function resetPassword(userId: string) {
    if (!window.confirm(`Give ${userId} a new password? Their current password stops working at once.`)) return;
    setBusy(userId);
    const result = await onResetPassword(userId);
    setIssued(result.ok ? { userId: result.data.userId, kind: "new password", secret: result.data.password } : null);
    setOutcome(result.ok ? null : result);
    setBusy(null);
  }

  async function deactivate(userId: string) {
    if (!window.confirm(`Deactivate ${userId}? Their sessions end at once.`)) return;
    setBusy(userId);
    setIssued(null);
    setOutcome(await onDeactivate(userId));
    setBusy(null);
  }

  return (
    <section aria-labelledby="people-heading" className="space-y-3">
      <h2 id="people-heading" className="text-lg font-semibold text-slate-900">
        People
      </h2>
      {issued && <SecretNotice userId={issued.userId} kind={issued.kind} secret={issued.secret} />}
      {outcome && (
        <p role={outcome.ok ? "status" : "alert"} className={`text-sm ${outcome.ok ? "text-green-900" : "text-red-800"}`}>
          {outcome.message}
        </p>
      )}
      <TableScroll label="People">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">User ID</th>
            <th scope="col" className="p-2">Name</th>
            <th scope="col" className="p-2">Role</th>
            <th scope="col" className="p-2">Organization</th>
            <th scope="col" className="p-2">Status</th>
            {canWrite && <th scope="col" className="p-2">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.userId} className="border-b border-slate-100">
              <th scope="row" className="p-2 text-left font-mono font-normal whitespace-nowrap">
                {p.userId}
              </th>
              <td className="min-w-32 p-2 wrap-anywhere">{p.name}</td>
              <td className="p-2">
                {ROLE_LABEL[p.role]}
                {p.tier && ` · ${p.tier}`}
                {p.serviceAccount && (
                  <>
                    {" "}
                    <Badge tone="blue">Service account</Badge>
                  </>
                )}
              </td>
              <td className="p-2">{p.organization ?? "—"}</td>
              <td className="p-2">{p.active ? "Active" : "Deactivated"}</td>
              {canWrite && (
                <td className="space-x-2 p-2 whitespace-nowrap">
                  {p.role === "CUSTOMER" && p.active && (
                    <Button type="button" variant="secondary" className="px-2 py-1" disabled={busy !== null} onClick={() => issue(p.userId)} aria-label={`Issue a new PIN to ${p.userId}`}>
                      Issue PIN
                    </Button>
                  )}
                  {p.role !== "CUSTOMER" && !p.serviceAccount && p.active && (
                    <Button type="button" variant="secondary" className="px-2 py-1" disabled={busy !== null} onClick={() => resetPassword(p.userId)} aria-label={`Reset the password of ${p.userId}`}>
                      Reset password
                    </Button>
                  )}
                  {p.active && (
                    <Button type="button" variant="ghost" className="px-2 py-1" disabled={busy !== null} onClick={() => deactivate(p.userId)} aria-label={`Deactivate ${p.userId}`}>
                      Deactivate
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </section>
  );
}
