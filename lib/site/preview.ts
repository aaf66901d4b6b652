// Preview (/?p=ID&preview=true): the post as its editor has it on screen, in the active theme.
// Only for people who may edit the post; everyone else gets the same 404 as for any hidden post.
// Never cached: the page cache takes no request with a cookie or a ?preview (server/page-cache.ts),
// and nothing here goes through the read cache.
import type { CurrentUser } from "@/lib/session";
import { canEditPost } from "@/lib/auth/capabilities";
import { getPostCardById, listTermsForPosts, type PostCard } from "@/db/queries/posts";
import { getNewerAutosave, getPostOwnership } from "@/db/queries/post-editor";
import { getPreviewExtras, previewTerms } from "@/db/queries/post-preview";
import { listMediaByIds } from "@/db/queries/featured-media";
import { toFeaturedImage } from "@/lib/media/featured";
import type { FeaturedImage } from "@/lib/content/views";

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The id a preview URL asks for, or null when the URL is not a preview. */
export function previewId(q: Query): number | null {
  if (one(q.preview) !== "true") return null;
  const id = Number(one(q.p) ?? one(q.page_id));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export interface PreviewData {
  post: PostCard;
  terms: { taxonomy: "category" | "post_tag"; name: string; slug: string }[];
  featuredImage?: FeaturedImage;
}

export async function loadPreview(id: number, user: CurrentUser | null): Promise<PreviewData | null> {
  if (!user) return null;
  const saved = await getPostCardById(id);
  const owned = await getPostOwnership(id);
  if (!saved || !owned || (saved.type !== "post" && saved.type !== "page") || saved.status === "trash" || !canEditPost(user, owned)) return null;
  const auto = await getNewerAutosave(id, user.id);
  const extras = await getPreviewExtras(id, user.id);
  // The extras belong to the person's last Preview; a save since then supersedes them.
  const fresh = extras && (auto || extras.savedGmt >= saved.modifiedGmt) ? extras : undefined;
  const post: PostCard = { ...saved, ...(auto ? { title: auto.title, content: auto.content, excerpt: auto.excerpt } : {}), featuredMediaId: fresh ? fresh.featuredMediaId : saved.featuredMediaId };
  const terms = fresh ? await previewTerms(fresh) : await listTermsForPosts([id]);
  const media = post.featuredMediaId ? (await listMediaByIds([post.featuredMediaId]))[0] : undefined;
  return { post, terms, featuredImage: toFeaturedImage(media) };
}
