// Loads, before rendering, the media that posts' shortcodes show (one query for a whole listing).
import { listShortcodeMedia, type ShortcodeMediaRow } from "@/db/queries/shortcode-media";
import { shortcodeMediaNeeds, type ShortcodeMedia, type ShortcodeMediaSet } from "@/lib/content/shortcodes";
import { parseSizes } from "@/lib/media/view";
import { uploadUrl } from "@/lib/media/paths";
import { cached } from "./cache";

function toShortcodeMedia(m: ShortcodeMediaRow): ShortcodeMedia {
  const sizes = parseSizes(m.sizes);
  return {
    id: m.id,
    // An imported file not yet downloaded is still shown from its old address.
    url: m.path ? uploadUrl(m.path) : m.originalUrl,
    mimeType: m.mimeType,
    width: m.width,
    height: m.height,
    title: m.title,
    alt: m.alt,
    caption: m.caption,
    createdGmt: m.createdGmt,
    postId: m.postId,
    sizes: Object.fromEntries(Object.entries(sizes).filter(([, s]) => s?.path).map(([k, s]) => [k, { url: uploadUrl(s.path), width: s.width, height: s.height }])),
  };
}

export async function shortcodeMediaFor(posts: { id: number; content: string }[]): Promise<ShortcodeMediaSet> {
  const ids = new Set<number>();
  const attached = new Set<number>();
  for (const p of posts) {
    const need = shortcodeMediaNeeds(p.content);
    need.ids.forEach((id) => ids.add(id));
    if (need.attached) attached.add(p.id);
  }
  const set: ShortcodeMediaSet = { byId: new Map(), attachedTo: new Map() };
  if (!ids.size && !attached.size) return set;
  const idList = [...ids].sort((a, b) => a - b);
  const postList = [...attached].sort((a, b) => a - b);
  const rows = await cached(`shortcode-media:${idList.join(",")}|${postList.join(",")}`, () => listShortcodeMedia(idList, postList));
  for (const row of rows) {
    const m = toShortcodeMedia(row);
    set.byId.set(m.id, m);
    if (m.postId !== null && attached.has(m.postId)) {
      const list = set.attachedTo.get(m.postId) ?? [];
      list.push(m);
      set.attachedTo.set(m.postId, list);
    }
  }
  return set;
}
