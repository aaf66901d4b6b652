// The admin bar's data for the signed-in user (components/site/admin-bar.tsx asks for it after
// the page loads), so that the reader's HTML stays the same for everyone and cacheable.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { adminBarFor } from "@/lib/site/admin-bar";

export const dynamic = "force-dynamic";

const PRIVATE = { "cache-control": "private, no-store", vary: "cookie" };

export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Not signed in." }, { status: 401, headers: PRIVATE });
  const path = req.nextUrl.searchParams.get("path") ?? "/";
  if (!path.startsWith("/") || path.startsWith("//") || path.length > 2000) return NextResponse.json({ error: "Bad path." }, { status: 400, headers: PRIVATE });
  return NextResponse.json(await adminBarFor(user, (await getOptions()).blogname, path), { headers: PRIVATE });
}
