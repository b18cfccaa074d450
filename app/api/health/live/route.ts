// Liveness: the process answers. No database, no authentication, nothing about the instance.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
