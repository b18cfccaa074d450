"use client";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { API_SCOPE_LABEL, API_TOKEN_STATUS_LABEL } from "@/lib/labels";
import { API_SCOPE_BY_CODE } from "@/lib/validation/api-scopes";
import type { ApiTokenStatus } from "@/lib/labels";
import type { ApiTokenJson } from "@/lib/tokens/token-json";
import type { ActionOutcome } from "@/lib/http/run-action";
import { DeleteButton } from "./delete-button";

const STATUS_TONE: Record<ApiTokenStatus, "green" | "amber" | "slate"> = { ACTIVE: "green", EXPIRED: "amber", REVOKED: "slate" };

/** Every token: prefix, scopes, whom it acts as, who made it, last use (time and address), expiry, status; admins revoke. */
export function TokenTable({
  tokens,
  serverNow,
  canWrite,
  onRevoke,
}: {
  tokens: ApiTokenJson[];
  serverNow: string;
  canWrite: boolean;
  onRevoke: (id: string) => Promise<ActionOutcome<unknown>>;
}) {
  if (tokens.length === 0) return <p className="text-sm text-slate-700">No tokens yet.</p>;
  return (
    <TableScroll label="API tokens">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left whitespace-nowrap">
            <th scope="col" className="p-2">Name</th>
            <th scope="col" className="p-2">Scopes</th>
            <th scope="col" className="p-2">Acts as</th>
            <th scope="col" className="p-2">Created</th>
            <th scope="col" className="p-2">Last used</th>
            <th scope="col" className="p-2">Expires</th>
            <th scope="col" className="p-2">Status</th>
            {canWrite && <th scope="col" className="p-2">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-token={t.prefix} className="border-b border-slate-100 align-top">
              <th scope="row" className="max-w-72 min-w-40 p-2 text-left font-normal">
                <span className="block max-w-72 truncate font-medium text-slate-900" title={t.name}>
                  {t.name}
                </span>
                <code className="font-mono text-xs text-slate-600">{t.prefix}…</code>
              </th>
              <td className="min-w-40 p-2">
                <ul>
                  {t.scopes.map((code) => (
                    <li key={code} title={code}>
                      {API_SCOPE_LABEL[API_SCOPE_BY_CODE[code]!]}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="p-2 whitespace-nowrap">
                <span className="font-mono">{t.user.userId}</span>
                {t.user.serviceAccount && (
                  <>
                    {" "}
                    <Badge tone="blue">Service account</Badge>
                  </>
                )}
              </td>
              <td className="p-2 whitespace-nowrap">
                <RelativeTime at={t.createdAt} serverNow={serverNow} />
                <span className="block text-xs text-slate-600">by {t.createdBy.userId}</span>
              </td>
              <td className="p-2 whitespace-nowrap">
                {t.lastUsedAt ? (
                  <>
                    <RelativeTime at={t.lastUsedAt} serverNow={serverNow} />
                    <span className="block font-mono text-xs text-slate-600">{t.lastUsedFrom}</span>
                  </>
                ) : (
                  "Never"
                )}
              </td>
              <td className="p-2 whitespace-nowrap">{t.expiresAt ? <RelativeTime at={t.expiresAt} serverNow={serverNow} /> : "Never"}</td>
              <td className="p-2">
                <Badge tone={STATUS_TONE[t.status]}>{API_TOKEN_STATUS_LABEL[t.status]}</Badge>
              </td>
              {canWrite && (
                <td className="p-2 whitespace-nowrap">
                  {t.status !== "REVOKED" && (
                    <DeleteButton
                      what={`token ${t.prefix}…`}
                      verb="Revoke"
                      consequence="Requests with this token are refused from the next one on. This cannot be undone; the audit trail records it."
                      onDelete={() => onRevoke(t.id)}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
