// From a URL path on this site to the published post or page a ping is about. Kept here, on
// the stable permalink helpers, so that the linkback endpoints do not depend on how the reader
// pages route (archives, redirects, caches): a ping target must be a post's current address.
import { getOptions } from "@/db/queries/options";
import { getPostBySlug, getPostCardById, type PostCard } from "@/db/queries/posts";
import { matchStructure } from "@/lib/content/permalinks";

function decode(segments: string[]): string[] {
  return segments.map((s) => {
    try {
      return decodeURIComponent(s).normalize("NFC");
    } catch {
      return s;
    }
  });
}

function dateMatches(date: string, m: { year?: string; monthnum?: string; day?: string }): boolean {
  const [y, mo, d] = date.split(/[- ]/);
  if (m.year && m.year !== y) return false;
  if (m.monthnum && Number(m.monthnum) !== Number(mo)) return false;
  if (m.day && Number(m.day) !== Number(d)) return false;
  return true;
}

const published = (p: PostCard | undefined) => (p && p.status === "publish" && !p.password ? p : undefined);

/** The published, unprotected post or page at these path segments, under the current structure. */
export async function postAtSegments(raw: string[]): Promise<PostCard | undefined> {
  const segments = decode(raw).filter(Boolean);
  if (!segments.length) return undefined;
  const m = matchStructure(segments, (await getOptions()).permalink_structure);
  if (m) {
    const post = m.post_id ? await getPostCardById(Number(m.post_id)) : m.postname ? await getPostBySlug("post", m.postname) : undefined;
    if (post && post.type === "post" && dateMatches(post.date, m) && published(post)) return post;
  }
  return published(await getPostBySlug("page", segments[segments.length - 1]!));
}

/** The published post with this id (the ?p=ID and /wp-trackback.php?p=ID addresses). */
export async function postById(id: string | null | undefined): Promise<PostCard | undefined> {
  if (!id || !/^\d{1,12}$/.test(id)) return undefined;
  return published(await getPostCardById(Number(id)));
}
