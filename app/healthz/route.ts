import { getHealth } from "@/db/queries/health";

export const dynamic = "force-dynamic";

export function GET() {
  const health = getHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
