// WordPress's other TrackBack address, /wp-trackback.php?p=ID, for pings sent to old links.
import type { NextRequest } from "next/server";
import { postAtIdParam } from "@/lib/site/resolve-path";
import { trackbackGet, trackbackPost } from "@/lib/linkbacks/trackback-endpoint";

export const dynamic = "force-dynamic";

export function GET() {
  return trackbackGet();
}

export async function POST(req: NextRequest) {
  return trackbackPost(req, async () => await postAtIdParam(req.nextUrl.searchParams.get("p")));
}
