// From URL segments to the published post or page they name, under the current permalink
// structure. Unpublished content never resolves here.
import { getOptions } from "@/db/queries/options";
import { getPostBySlug, getPostCardById, type PostCard } from "@/db/queries/posts";
import { matchStructure } from "@/lib/content/permalinks";
import { publishDuePosts } from "@/db/queries/post-editor";

export function resolvePath(rawSegments: string[]): PostCard | undefined {
  publishDuePosts();
  const segments = rawSegments.map((s) => {
    try {
      return decodeURIComponent(s).normalize("NFC");
    } catch {
      return s;
    }
  });
  const opts = getOptions();
  const m = matchStructure(segments, opts.permalink_structure);
  if (m) {
    const post = m.post_id ? getPostCardById(Number(m.post_id)) : m.postname ? getPostBySlug("post", m.postname) : undefined;
    if (post && post.type === "post" && post.status === "publish" && dateMatches(post.date, m)) return post;
  }
  if (segments.length >= 1) {
    const page = getPostBySlug("page", segments[segments.length - 1]!);
    if (page && page.status === "publish") return page;
  }
  return undefined;
}

function dateMatches(date: string, m: { year?: string; monthnum?: string; day?: string }): boolean {
  const [y, mo, d] = date.split(/[- ]/);
  if (m.year && m.year !== y) return false;
  if (m.monthnum && Number(m.monthnum) !== Number(mo)) return false;
  if (m.day && Number(m.day) !== Number(d)) return false;
  return true;
}
