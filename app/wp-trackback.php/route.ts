// WordPress's other TrackBack address, /wp-trackback.php?p=ID, for pings sent to old links.
import type { NextRequest } from "next/server";
import { getPostCardById } from "@/db/queries/posts";
import { trackbackGet, trackbackPost } from "@/lib/linkbacks/trackback-endpoint";

export const dynamic = "force-dynamic";

export function GET() {
  return trackbackGet();
}

export async function POST(req: NextRequest) {
  const p = req.nextUrl.searchParams.get("p") ?? "";
  return trackbackPost(req, () => {
    if (!/^\d{1,12}$/.test(p)) return undefined;
    const post = getPostCardById(Number(p));
    return post?.status === "publish" ? post : undefined;
  });
}
