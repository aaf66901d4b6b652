// What the methods answer, in WordPress's shapes: MetaWeblog's post struct, wp.*'s post and term
// structs, and an uploaded file. Ids are strings where WordPress sends strings.
import { getOptions } from "@/db/queries/options";
import { getUserById } from "@/db/queries/users";
import { listTermsForPosts } from "@/db/queries/posts";
import { getMediaById } from "@/db/queries/media";
import { mediaUrl } from "@/db/queries/media-picker";
import type { Media, Post, Term } from "@/db/schema";
import type { XmlRpcValue } from "@/lib/linkbacks/xmlrpc";
import { findMarkers } from "@/lib/content/markers";
import { permalinkOf } from "@/lib/site/urls";
import { siteUrl } from "@/lib/site-url";

type Struct = Record<string, XmlRpcValue>;
type TermRow = { postId: number; id: number; taxonomy: "category" | "post_tag"; name: string; slug: string };

/** A stored "YYYY-MM-DD HH:MM:SS" as XML-RPC's zone-less dateTime (WordPress sends local and GMT so). */
const wall = (s: string) => new Date(s.replace(" ", "T") + "Z");

export async function absoluteMediaUrl(m: Pick<Media, "path" | "originalUrl">): Promise<string> {
  const u = mediaUrl(m);
  return u.startsWith("/") ? (await siteUrl()) + u : u;
}

export async function linkOf(p: Post & { authorNicename?: string }): Promise<string> {
  const nicename = p.authorNicename ?? (await getUserById(p.authorId))?.nicename;
  return (await siteUrl()) + (await permalinkOf({ ...p, type: p.type === "page" ? "page" : "post", authorNicename: nicename }, await getOptions()));
}

/** Content split at <!--more-->, as MetaWeblog's description and mt_text_more. */
function splitMore(content: string): { main: string; more: string; moreText: string } {
  const m = findMarkers(content).find((x) => x.name === "more");
  if (!m) return { main: content, more: "", moreText: "" };
  return { main: content.slice(0, m.start), more: content.slice(m.end), moreText: m.text.trim() };
}

async function thumbnail(id: number | null): Promise<XmlRpcValue> {
  const m = id ? await getMediaById(id) : undefined;
  return m ? await mediaStruct(m) : [];
}

export async function metaWeblogStruct(p: Post & { authorNicename?: string }, terms?: TermRow[]): Promise<Struct> {
  const own = terms ?? (await listTermsForPosts([p.id]));
  const link = await linkOf(p);
  const author = await getUserById(p.authorId);
  const { main, more, moreText } = splitMore(p.content);
  return {
    dateCreated: wall(p.date),
    userid: String(p.authorId),
    postid: String(p.id),
    description: main,
    title: p.title,
    link,
    permaLink: link,
    categories: own.filter((t) => t.taxonomy === "category").map((t) => t.name),
    mt_excerpt: p.excerpt,
    mt_text_more: more,
    wp_more_text: moreText,
    mt_allow_comments: p.commentStatus === "open" ? 1 : 0,
    mt_allow_pings: p.pingStatus === "open" ? 1 : 0,
    mt_keywords: own.filter((t) => t.taxonomy === "post_tag").map((t) => t.name).join(", "),
    wp_slug: p.slug,
    wp_password: p.password,
    wp_author_id: String(p.authorId),
    wp_author_display_name: author?.displayName ?? "",
    date_created_gmt: wall(p.dateGmt),
    post_status: p.status,
    custom_fields: [],
    wp_post_format: "standard",
    sticky: p.sticky,
    date_modified: wall(p.modified),
    date_modified_gmt: wall(p.modifiedGmt),
    wp_post_thumbnail: p.featuredMediaId ? String(p.featuredMediaId) : "",
    ...(p.type === "page" ? { page_id: String(p.id), wp_page_parent_id: String(p.parentId ?? 0), wp_page_order: p.menuOrder, page_status: p.status } : {}),
  };
}

export function termStruct(t: Pick<Term, "id" | "name" | "slug" | "taxonomy" | "description" | "parentId"> & { count?: number }): Struct {
  return {
    term_id: String(t.id),
    name: t.name,
    slug: t.slug,
    term_group: "0",
    term_taxonomy_id: String(t.id),
    taxonomy: t.taxonomy,
    description: t.description,
    parent: String(t.parentId ?? 0),
    count: t.count ?? 0,
    filter: "raw",
  };
}

export async function wpPostStruct(p: Post & { authorNicename?: string }, terms?: TermRow[], fullTerms?: Map<number, Term>): Promise<Struct> {
  const own = terms ?? (await listTermsForPosts([p.id]));
  return {
    post_id: String(p.id),
    post_title: p.title,
    post_date: wall(p.date),
    post_date_gmt: wall(p.dateGmt),
    post_modified: wall(p.modified),
    post_modified_gmt: wall(p.modifiedGmt),
    post_status: p.status,
    post_type: p.type,
    post_name: p.slug,
    post_author: String(p.authorId),
    post_password: p.password,
    post_excerpt: p.excerpt,
    post_content: p.content,
    post_parent: String(p.parentId ?? 0),
    post_mime_type: "",
    link: await linkOf(p),
    guid: p.guid,
    menu_order: p.menuOrder,
    comment_status: p.commentStatus,
    ping_status: p.pingStatus,
    sticky: p.sticky,
    post_thumbnail: await thumbnail(p.featuredMediaId),
    post_format: "standard",
    terms: own.map((t) => termStruct({ ...t, description: fullTerms?.get(t.id)?.description ?? "", parentId: fullTerms?.get(t.id)?.parentId ?? null, count: fullTerms?.get(t.id)?.count })),
    custom_fields: [],
  };
}

/** wp.uploadFile's and wp.getMediaItem's struct; metaWeblog.newMediaObject answers a subset. */
export async function mediaStruct(m: Media): Promise<Struct> {
  const url = await absoluteMediaUrl(m);
  const sizes = JSON.parse(m.sizes || "{}") as Record<string, { path: string; width: number; height: number }>;
  const thumb = sizes.thumbnail ? await absoluteMediaUrl({ path: sizes.thumbnail.path, originalUrl: "" }) : url;
  return {
    attachment_id: String(m.id),
    id: String(m.id),
    date_created_gmt: wall(m.createdGmt),
    parent: m.postId ?? 0,
    link: url,
    url,
    title: m.title,
    caption: m.caption,
    description: "",
    metadata: { width: m.width ?? 0, height: m.height ?? 0, file: m.path, sizes: Object.fromEntries(Object.entries(sizes).map(([k, s]) => [k, { file: s.path.split("/").pop() ?? "", width: s.width, height: s.height, "mime-type": m.mimeType }])) },
    type: m.mimeType,
    thumbnail: thumb,
    file: m.fileName,
  };
}
