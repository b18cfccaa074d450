import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { TokenTable } from "@/components/admin/token-table";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { API_TOKEN_LIMITS } from "@/lib/tokens/token-bucket";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const now = new Date();
  const { tokens, nextCursor } = await listApiTokens(actor, { limit: "200" }, now);
  const canWrite = can(actor, "admin:write");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">API tokens</h1>
      <p className="text-sm text-slate-700">
        Scripts and monitoring call the API with <code className="font-mono">Authorization: Bearer tdk_…</code>. A token acts as its user (you, or a service account
        that can never sign in), limited to its scopes and that user&apos;s own permissions; {API_TOKEN_LIMITS.ratePerSecond} requests a second, bursts of{" "}
        {API_TOKEN_LIMITS.burst}. Revoking takes effect on the token&apos;s next request.
      </p>
      {canWrite && <CreateTokenForm onCreate={createApiTokenAction} />}
      <TokenTable tokens={tokens} serverNow={now.toISOString()} canWrite={canWrite} onRevoke={revokeApiTokenAction} />
      {nextCursor && <p className="text-sm text-slate-700">Showing the newest 200 tokens; GET /api/v1/admin/tokens pages through the rest.</p>}
    </div>
  );
}
