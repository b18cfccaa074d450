import { checkReadiness } from "@/lib/health/readiness-checks";

// Readiness: database answering, migrations applied, repeating jobs running, not shutting down. 503 says which
// check failed; no authentication, and nothing a stranger could use (no addresses, versions or errors).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
