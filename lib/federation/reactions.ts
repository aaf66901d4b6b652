// Likes and boosts from the fediverse under a post ("3 boosts · 12 likes"), from the read cache
// (the reactions table moves the content version, so a new like shows on the next page view).
import { countReactions } from "@/db/queries/federation";
import { getPostInReplyTo } from "@/db/queries/post-editor";
import type { ReactionCounts } from "@/lib/content/views";
import { cached } from "@/lib/site/cache";

export async function reactionsFor(postId: number): Promise<ReactionCounts> {
  return await cached(`reactions:${postId}`, () => countReactions(postId));
}

/** "3 boosts · 12 likes", "1 like"; "" when there are none. */
export function reactionsText(r: ReactionCounts): string {
  const parts: string[] = [];
  if (r.boosts) parts.push(`${r.boosts} ${r.boosts === 1 ? "boost" : "boosts"}`);
  if (r.likes) parts.push(`${r.likes} ${r.likes === 1 ? "like" : "likes"}`);
  return parts.join(" · ");
}

/** The fediverse post a post replies to (the editor's "In reply to"), or "" (read cache, as above). */
export async function inReplyToFor(postId: number): Promise<string> {
  return await cached(`in-reply-to:${postId}`, async () => (await getPostInReplyTo(postId)) ?? "");
}
