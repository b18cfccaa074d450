import type { Metadata } from "next";
import { IntegrationList } from "@/components/admin/integration-list";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { DEFAULT_SEVERITY_MAP } from "@/lib/integrations/severity-map";
import { portalBase } from "@/lib/mail/mail-texts";
import { can } from "@/lib/permissions";
import { createIntegrationAction, deactivateIntegrationAction, updateIntegrationAction } from "./actions";

export const metadata: Metadata = { title: "Monitoring integrations" };

export default async function IntegrationsPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const [integrations, categories] = await Promise.all([listIntegrations(actor), listAdminCategories(actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Monitoring integrations</h1>
      <p className="text-sm text-slate-700">
        Prometheus Alertmanager posts its alerts here: each firing alert opens one incident (by its fingerprint) for the customer below, through the usual L1 intake; repeats are counted on it; a resolved alert is recorded and can resolve it. Paste the endpoint URL into a receiver&apos;s <code className="font-mono">webhook_configs</code>, with an API token that has the <code className="font-mono">alerts:write</code> scope.
      </p>
      <IntegrationList
        integrations={integrations}
        categories={categories.map((c) => ({ slug: c.slug, name: c.name }))}
        defaultSeverityMap={DEFAULT_SEVERITY_MAP}
        siteUrl={portalBase()}
        canWrite={can(actor, "admin:write")}
        onCreate={createIntegrationAction}
        onUpdate={updateIntegrationAction}
        onDeactivate={deactivateIntegrationAction}
      />
    </div>
  );
}
