import type { Metadata } from "next";
import Link from "next/link";
import { OpenAlertsPanel } from "@/components/dashboard/open-alerts-panel";
import { QueryError } from "@/components/ui/query-error";
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { acknowledgeAlertAction } from "../actions";

export const metadata: Metadata = { title: "Open alerts" };


/** Every open alert, oldest first, 20 a page (keyset on raisedAt, id), each with Acknowledge. */
export default async function OpenAlertsPage({ searchParams }: PageProps<"/dashboard/alerts">) {
  const actor = await requirePageActor(["MANAGER", "ADMIN"]);
  const page = await listOpenAlerts(actor, await searchParams).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "VALIDATION") return error;
    throw error;
  });
  return (
    <section aria-labelledby="alerts-page-heading" className="space-y-3">
      <p className="text-sm">
        <Link href="/dashboard" className="text-indigo-800 underline">
          ← Dashboard
        </Link>
      </p>
      <h1 id="alerts-page-heading" className="text-xl font-bold">
        Open alerts
      </h1>
      {page instanceof AppError ? (
        <QueryError error={page} back="/dashboard/alerts" backLabel="Open the oldest alerts" />
      ) : (
        <OpenAlertsPanel page={page} moreHref={page.nextAfter ? `/dashboard/alerts?after=${page.nextAfter}` : null} moreLabel="Next page" onAcknowledge={acknowledgeAlertAction} />
      )}
    </section>
  );
}
