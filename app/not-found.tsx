import { BackLink } from "@/components/layout/back-link";
import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found">
      <title>Page not found · Tierdesk</title>
      <p className="text-slate-700">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      {/* "/" sends each person to their own home (portal, queue, dashboard or admin), or to sign-in. */}
      <BackLink href="/">Back to Tierdesk</BackLink>
    </StatusPage>
  );
}
