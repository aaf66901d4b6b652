// Mastodon's remote follow (the OStatus subscribe template this blog's WebFinger gives): another
// site's follow button sends this blog's administrator here with ?uri=<account>. Sign-in comes
// first (the sign-in screen sends a signed-in person straight on), then Users → Following →
// Follow shows the account and asks before anything is sent.
import { siteUrl } from "@/lib/site-url";
import { MAX_ACCOUNT_LENGTH } from "@/lib/federation/following";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const uri = (new URL(request.url).searchParams.get("uri") ?? "").slice(0, MAX_ACCOUNT_LENGTH);
  const follow = `/admin/users/following/follow/?uri=${encodeURIComponent(uri)}`;
  return new Response(null, { status: 303, headers: { location: `${await siteUrl()}/login/?redirect_to=${encodeURIComponent(follow)}`, "cache-control": "no-store" } });
}
