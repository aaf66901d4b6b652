// Micropub's actions (create, update, delete, undelete) and queries (config, source,
// syndicate-to, category) over the same write path as XML-RPC and the admin's rules.
import { getPostById, listTermsForPosts } from "@/db/queries/posts";
import { getPostOwnership, restorePosts } from "@/db/queries/post-editor";
import { listTerms } from "@/db/queries/terms";
import type { Post } from "@/db/schema";
import { canDeletePost, canReadPrivate } from "@/lib/auth/capabilities";
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";
import { postFromUrl } from "@/lib/linkbacks/receive";
import { siteUrl } from "@/lib/site-url";
import type { TokenOwner } from "@/lib/indieauth/tokens";
import { editablePost, trashPost, writePost, type PostWrite } from "@/lib/xmlrpc/posts";
import { linkOf } from "@/lib/xmlrpc/views";
import { contentHtml, parseProps, toPostWrite, type Props } from "./entry";
import { fromFault, MicropubError } from "./errors";
import { needScope } from "./auth";

const caller = (o: TokenOwner) => ({ id: o.id, role: o.role, displayName: "" });

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof XmlRpcFault ? fromFault(e) : e;
  }
}

/** The post a URL names: its permalink, or ?p=ID (drafts and private posts have only that). */
async function postIdFromUrl(raw: unknown): Promise<number> {
  if (typeof raw !== "string" || !raw) throw new MicropubError(400, "invalid_request", "Send the url of the post.");
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new MicropubError(400, "invalid_request", "The url is not a URL.");
  }
  const site = new URL(await siteUrl());
  if (u.origin !== site.origin) throw new MicropubError(400, "invalid_request", "The url is not on this site.");
  const p = u.searchParams.get("p") ?? u.searchParams.get("page_id");
  const id = p && /^\d+$/.test(p) ? Number(p) : (await postFromUrl(raw))?.id;
  if (!id) throw new MicropubError(400, "invalid_request", "There is no post at that url.");
  return id;
}

/** Published posts at their permalink; others at ?p=ID, as WordPress's get_permalink() gives them. */
export async function locationOf(p: Post): Promise<string> {
  return p.status === "publish" ? await linkOf(p) : `${await siteUrl()}/?p=${p.id}`;
}

async function categorySet(): Promise<Set<string>> {
  return new Set((await listTerms("category")).map((t) => t.name.toLowerCase()));
}

export async function create(owner: TokenOwner, props: Props, uploaded: { url: string; alt: string }[]): Promise<string> {
  needScope(owner, "create", "draft");
  const p = parseProps(props);
  const w = toPostWrite(p, uploaded, await categorySet(), !owner.scope.includes("create"));
  const id = await guard(() => writePost(caller(owner), w));
  return await locationOf((await getPostById(id))!);
}

type Changes = { replace?: unknown; add?: unknown; delete?: unknown };
const isProps = (v: unknown): v is Props => !!v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every(Array.isArray);

export async function update(owner: TokenOwner, url: unknown, ch: Changes): Promise<void> {
  needScope(owner, "update");
  if (ch.replace !== undefined && !isProps(ch.replace)) throw new MicropubError(400, "invalid_request", "replace must be an object of arrays.");
  if (ch.add !== undefined && !isProps(ch.add)) throw new MicropubError(400, "invalid_request", "add must be an object of arrays.");
  const del = ch.delete;
  if (del !== undefined && !Array.isArray(del) && !isProps(del)) throw new MicropubError(400, "invalid_request", "delete must be a list of properties or an object of arrays.");
  const id = await postIdFromUrl(url);
  const post = await guard(() => editablePost(caller(owner), id));

  const terms = await listTermsForPosts([id]);
  let cats = terms.map((t) => t.name);
  const w: PostWrite = { type: post.type };
  const replace = parseProps(ch.replace ?? {});
  if (replace.name) w.title = replace.name[0] ?? "";
  if (replace.content) w.content = contentHtml(replace, []) ?? "";
  if (replace.summary) w.excerpt = replace.summary[0] ?? "";
  if (replace["post-status"]) w.status = replace["post-status"][0] === "draft" ? "draft" : "publish";
  if (replace.published) w.date = new Date(replace.published[0]!);
  if (replace["mp-slug"]) w.slug = replace["mp-slug"][0];
  if (replace.category) cats = replace.category;
  const add = parseProps(ch.add ?? {});
  if (add.category) cats = [...cats, ...add.category.filter((c) => !cats.some((x) => x.toLowerCase() === c.toLowerCase()))];
  if (add.photo || add.content) w.content = [w.content ?? post.content, contentHtml({ content: add.content }, (add.photo ?? []).map((ph) => (typeof ph === "string" ? { url: ph, alt: "" } : { url: ph.value, alt: ph.alt }))) ?? ""].filter(Boolean).join("\n");
  if (Array.isArray(del)) {
    for (const name of del) {
      if (name === "category") cats = [];
      else if (name === "summary") w.excerpt = "";
      else if (name === "name") w.title = "";
      else if (name === "content") w.content = "";
    }
  } else if (del) {
    const gone = parseProps(del).category?.map((c) => c.toLowerCase()) ?? [];
    cats = cats.filter((c) => !gone.includes(c.toLowerCase()));
  }
  const known = await categorySet();
  w.categoryNames = { names: cats.filter((c) => known.has(c.toLowerCase())), createMissing: false };
  w.tagNames = cats.filter((c) => !known.has(c.toLowerCase()));
  await guard(() => writePost(caller(owner), w, id));
}

export async function remove(owner: TokenOwner, url: unknown): Promise<void> {
  needScope(owner, "delete");
  const id = await postIdFromUrl(url);
  await guard(() => trashPost(caller(owner), id));
}

export async function undelete(owner: TokenOwner, url: unknown): Promise<void> {
  needScope(owner, "delete", "undelete");
  const id = await postIdFromUrl(url);
  const row = await getPostOwnership(id);
  if (!row || row.status !== "trash") throw new MicropubError(400, "invalid_request", "That post is not in the Trash.");
  if (!canDeletePost(owner, row)) throw new MicropubError(403, "forbidden", "Sorry, you are not allowed to restore this post.");
  await restorePosts([id]);
}

export async function config(): Promise<Record<string, unknown>> {
  const site = await siteUrl();
  return {
    "media-endpoint": `${site}/micropub/media/`,
    "syndicate-to": [],
    "post-types": [
      { type: "note", name: "Note" },
      { type: "article", name: "Article" },
      { type: "photo", name: "Photo" },
    ],
    q: ["config", "source", "syndicate-to", "category"],
  };
}

export async function categories(): Promise<string[]> {
  return [...(await listTerms("category")), ...(await listTerms("post_tag"))].map((t) => t.name);
}

/** q=source: the post as microformats2, only to those who may edit or read it. */
export async function source(owner: TokenOwner, url: unknown, only: string[]): Promise<Record<string, unknown>> {
  const id = await postIdFromUrl(url);
  const post = await getPostById(id);
  if (!post || post.status === "trash") throw new MicropubError(400, "invalid_request", "There is no post at that url.");
  if (post.status !== "publish" && !canReadPrivate(owner, post)) {
    await guard(() => editablePost(caller(owner), id));
  }
  const terms = await listTermsForPosts([id]);
  const all: Record<string, unknown[]> = {
    name: post.title ? [post.title] : [],
    content: [{ html: post.content }],
    summary: post.excerpt ? [post.excerpt] : [],
    category: terms.map((t) => t.name),
    published: [`${post.dateGmt.replace(" ", "T")}+00:00`],
    "post-status": [post.status === "publish" || post.status === "future" || post.status === "private" ? "published" : "draft"],
    "mp-slug": [post.slug],
  };
  const props = only.length ? Object.fromEntries(only.filter((k) => k in all).map((k) => [k, all[k]])) : all;
  return only.length ? { properties: props } : { type: ["h-entry"], properties: props };
}
