// A live WordPress site read through its REST API into the same shape a WXR file is read into,
// so that the one import pipeline (author assignment, one transaction, idempotence by WordPress
// ID and guid, media download) serves both. Everything is fetched and validated before anything
// is written: a site that fails anywhere imports nothing.
import type { ParsedWxr } from "@/db/queries/wxr-import";
import type { WxrAuthor, WxrComment, WxrItem, WxrTerm } from "@/lib/wxr/types";
import type { Options } from "@/lib/options/defaults";
import { htmlToText } from "@/lib/content/html-text";
import { validateOption, OptionError } from "@/lib/options/set-option";
import { SiteClient, SiteImportError, type SiteClientOptions } from "./client";
import { inferPermalinkStructure } from "./permalinks";
import { RestCommentSchema, RestMediaSchema, RestPostSchema, RestTermSchema, RestUserSchema, SiteSettingsSchema, type RestComment, type RestPost, type SiteSettings } from "./schemas";

export { SiteImportError };

export interface ReadSiteOptions extends SiteClientOptions {
  /** Copy the site's title, tagline, permalink structure, posts per page and discussion defaults. */
  settings?: boolean;
}

const POST_FIELDS = "id,type,status,date,date_gmt,modified,modified_gmt,slug,link,guid,title,content,excerpt,author,featured_media,comment_status,ping_status,sticky,parent,menu_order,password,categories,tags";
const COMMENT_STATUS: Record<string, string> = { approved: "1", approve: "1", hold: "0", unapproved: "0", spam: "spam", trash: "trash" };

// Rendered fields are HTML-escaped text (titles are texturized too): their plain text is the value.
const text = (f: { raw?: string; rendered?: string } | undefined) => (f?.raw !== undefined ? f.raw : htmlToText(f?.rendered ?? ""));
const sqlDate = (d: string | null | undefined) => (d ? d.replace("T", " ").slice(0, 19) : "");

/** Reads the site at `address` whole; throws SiteImportError (and has written nothing) if it cannot. */
export async function readWordPressSite(address: string, opts: ReadSiteOptions = {}): Promise<ParsedWxr> {
  const client = await SiteClient.connect(address, opts);
  const edit = client.authenticated;
  const ctx: Record<string, string> = edit ? { context: "edit" } : {};
  const postParams: Record<string, string> = { ...ctx, _fields: POST_FIELDS, ...(edit ? { status: "any" } : {}), orderby: "id", order: "asc" };

  const [posts, pages, categories, tags, media, users, comments, settings] = await Promise.all([
    client.all("/wp/v2/posts", RestPostSchema, postParams),
    client.all("/wp/v2/pages", RestPostSchema, postParams),
    client.all("/wp/v2/categories", RestTermSchema, { ...ctx, orderby: "id" }),
    client.all("/wp/v2/tags", RestTermSchema, { ...ctx, orderby: "id" }),
    client.all("/wp/v2/media", RestMediaSchema, { ...ctx, orderby: "id", order: "asc" }),
    readUsers(client),
    readComments(client),
    edit && opts.settings ? readSettings(client) : Promise.resolve<SiteSettings>({}),
  ]);

  const notes: string[] = [];
  const userById = new Map(users.map((u) => [u.id, u]));
  const loginOf = (id: number) => {
    const u = userById.get(id);
    return u ? u.username || u.slug : "";
  };
  const authors: WxrAuthor[] = users.map((u) => ({
    id: u.id,
    login: u.username || u.slug,
    email: u.email ?? "",
    displayName: u.name,
    firstName: u.first_name ?? "",
    lastName: u.last_name ?? "",
  }));

  const catById = new Map(categories.map((t) => [t.id, t]));
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const terms: WxrTerm[] = [
    ...categories.map((t) => ({ id: t.id, taxonomy: "category", slug: t.slug, name: t.name, description: t.description, parentSlug: catById.get(t.parent)?.slug ?? "", meta: [] })),
    ...tags.map((t) => ({ id: t.id, taxonomy: "post_tag", slug: t.slug, name: t.name, description: t.description, parentSlug: "", meta: [] })),
  ];

  const commentsByPost = new Map<number, WxrComment[]>();
  for (const c of comments) {
    const list = commentsByPost.get(c.post) ?? [];
    list.push({
      id: c.id,
      author: c.author_name,
      authorEmail: c.author_email ?? "",
      authorUrl: c.author_url,
      authorIp: c.author_ip ?? "",
      date: sqlDate(c.date),
      dateGmt: sqlDate(c.date_gmt),
      content: c.content.raw ?? c.content.rendered,
      approved: COMMENT_STATUS[c.status] ?? "0",
      type: c.type,
      parent: c.parent,
      userId: c.author,
      meta: [],
    });
    commentsByPost.set(c.post, list);
  }

  const items: WxrItem[] = [];
  let protectedLeft = 0;
  for (const p of [...posts, ...pages]) {
    // Without credentials a protected post's content is withheld: importing it would publish an empty, open post.
    if (p.content.protected && p.content.raw === undefined) {
      protectedLeft++;
      continue;
    }
    items.push(itemOf(p));
  }
  const mediaItems: WxrItem[] = media.map((m) => ({
    ...blankItem(),
    title: text(m.title),
    guid: text(m.guid) || m.source_url,
    excerpt: text(m.caption),
    postId: m.id,
    postDate: sqlDate(m.date),
    postDateGmt: sqlDate(m.date_gmt),
    postName: m.slug,
    status: "inherit",
    postParent: m.post ?? 0,
    postType: "attachment",
    creator: loginOf(m.author),
    attachmentUrl: m.source_url,
    meta: m.alt_text ? [{ key: "_wp_attachment_image_alt", value: m.alt_text }] : [],
  }));

  function itemOf(p: RestPost): WxrItem {
    return {
      ...blankItem(),
      title: text(p.title),
      link: p.link,
      creator: loginOf(p.author),
      guid: text(p.guid),
      content: p.content.raw ?? p.content.rendered,
      // A rendered excerpt is generated from the content when none was written: leave it to Inkwell.
      excerpt: p.excerpt?.raw ?? "",
      postId: p.id,
      postDate: sqlDate(p.date),
      postDateGmt: sqlDate(p.date_gmt),
      postModified: sqlDate(p.modified),
      postModifiedGmt: sqlDate(p.modified_gmt),
      commentStatus: p.comment_status,
      pingStatus: p.ping_status,
      postName: p.slug,
      status: p.status,
      postParent: p.parent,
      menuOrder: p.menu_order,
      postType: p.type,
      postPassword: p.password ?? "",
      isSticky: p.sticky,
      terms: [
        ...p.categories.flatMap((id) => (catById.has(id) ? [{ domain: "category", slug: catById.get(id)!.slug, name: catById.get(id)!.name }] : [])),
        ...p.tags.flatMap((id) => (tagById.has(id) ? [{ domain: "post_tag", slug: tagById.get(id)!.slug, name: tagById.get(id)!.name }] : [])),
      ],
      meta: p.featured_media ? [{ key: "_thumbnail_id", value: String(p.featured_media) }] : [],
      comments: commentsByPost.get(p.id) ?? [],
    };
  }

  if (!edit) {
    notes.push(
      "Read without a username and application password: posts arrived as the site renders them (shortcodes and blocks already turned into HTML, " +
        "excerpts left to Inkwell), and only what visitors may see came along: no drafts, pending, private or scheduled posts, no held comments, no authors' emails.",
    );
  }
  if (protectedLeft) notes.push(`${protectedLeft} password-protected ${protectedLeft === 1 ? "post was" : "posts were"} left behind: their content needs a username and application password.`);

  const options = opts.settings ? await settingsToCopy(client, settings, posts, notes) : undefined;
  return {
    site: { title: client.index.name, link: client.index.home, description: client.index.description, language: "", wxrVersion: "", baseSiteUrl: client.index.url, baseBlogUrl: client.index.home },
    authors,
    terms,
    items: [...mediaItems, ...items],
    options,
    notes,
  };
}

async function readComments(client: SiteClient): Promise<RestComment[]> {
  if (!client.authenticated) return await client.all("/wp/v2/comments", RestCommentSchema, { orderby: "id", order: "asc" });
  // The comments route lists one type at a time (comment by default); `all` is approved and held.
  const lists = await Promise.all(
    ["comment", "pingback", "trackback"].map((type) => client.all("/wp/v2/comments", RestCommentSchema, { context: "edit", status: "all", type, orderby: "id", order: "asc" })),
  );
  return lists.flat();
}

async function readUsers(client: SiteClient) {
  if (!client.authenticated) return await client.all("/wp/v2/users", RestUserSchema, { orderby: "id" });
  try {
    return await client.all("/wp/v2/users", RestUserSchema, { context: "edit", orderby: "id" });
  } catch (e) {
    // An Editor may read every post but not list users' logins and emails: take their public fields.
    if (e instanceof SiteImportError && e.status === 403) return await client.all("/wp/v2/users", RestUserSchema, { orderby: "id" });
    throw e;
  }
}

async function readSettings(client: SiteClient): Promise<SiteSettings> {
  let body: unknown;
  try {
    body = (await client.get("/wp/v2/settings")).body;
  } catch (e) {
    // Only administrators may read the settings: an Editor's import copies what the index shows.
    if (e instanceof SiteImportError && e.status === 403) return {};
    throw e;
  }
  const parsed = SiteSettingsSchema.safeParse(body);
  if (!parsed.success) throw new SiteImportError(`${client.address} sent settings that are not what WordPress sends (${parsed.error.issues[0]?.path.join(".")}).`);
  return parsed.data;
}

const LABELS: Record<string, string> = {
  blogname: "Site Title",
  blogdescription: "Tagline",
  permalink_structure: "Permalink structure",
  posts_per_page: "Blog pages show at most",
  default_comment_status: "Allow people to submit comments on new posts",
  default_ping_status: "Allow link notifications from other blogs",
};

/** The site's settings that matter, each checked by its own Settings screen's schema before anything is written. */
async function settingsToCopy(client: SiteClient, s: SiteSettings, posts: RestPost[], notes: string[]): Promise<Partial<Options>> {
  const wanted: [keyof Options, string | undefined][] = [
    ["blogname", s.title ?? client.index.name],
    ["blogdescription", s.description ?? client.index.description],
    ["permalink_structure", inferPermalinkStructure(client.index.home || client.address, posts) ?? undefined],
    ["posts_per_page", s.posts_per_page?.toString()],
    ["default_comment_status", s.default_comment_status],
    ["default_ping_status", s.default_ping_status],
  ];
  const out: Partial<Options> = {};
  const copied: string[] = [];
  for (const [name, value] of wanted) {
    if (value === undefined) continue;
    try {
      const v = (await validateOption(name, value))[name];
      if (v === undefined) continue;
      (out as Record<string, unknown>)[name] = v;
      copied.push(LABELS[name]!);
    } catch (e) {
      if (!(e instanceof OptionError)) throw e;
      notes.push(`The site's ${LABELS[name]} was not copied: ${e.message}`);
    }
  }
  if (copied.length) notes.push(`Settings copied from the site: ${copied.join(", ")}.`);
  return out;
}

function blankItem(): WxrItem {
  return {
    title: "", link: "", pubDate: "", creator: "", guid: "", description: "", content: "", excerpt: "", postId: 0, postDate: "", postDateGmt: "",
    postModified: "", postModifiedGmt: "", commentStatus: "open", pingStatus: "open", postName: "", status: "", postParent: 0, menuOrder: 0,
    postType: "", postPassword: "", isSticky: false, attachmentUrl: "", terms: [], meta: [], comments: [],
  };
}
