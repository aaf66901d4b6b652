// The publishing methods WordPress's XML-RPC server offers to desktop and mobile editors:
// MetaWeblog, Blogger and the wp.* ones they call. Each checks the caller's password first
// (counting toward the lockout), then the parameters, then the capability, as WordPress does.
import type { z } from "zod";
import { getOptions } from "@/db/queries/options";
import { listTermsForPosts } from "@/db/queries/posts";
import { listTerms } from "@/db/queries/terms";
import { getUserById } from "@/db/queries/users";
import { listPostsForClient } from "@/db/queries/remote-publishing";
import type { PostStatus, PostType } from "@/db/schema";
import { roleCan } from "@/lib/auth/capabilities";
import type { XmlRpcValue } from "@/lib/linkbacks/xmlrpc";
import { parseTagList } from "@/lib/posts/slug";
import { siteUrl } from "@/lib/site-url";
import { firstIssue, MetaWeblogPostSchema, UploadStructSchema, WpPostFilterSchema, WpPostSchema, WpTermFilterSchema, xmlrpcId } from "@/lib/validation/xmlrpc";
import { authenticate, type CallContext, type Caller } from "./auth";
import { F } from "./faults";
import { editablePost, trashPost, writePost, type PostWrite } from "./posts";
import { uploadFile } from "./media";
import { absoluteMediaUrl, mediaStruct, metaWeblogStruct, termStruct, wpPostStruct } from "./views";

type Params = XmlRpcValue[];
export type Method = (params: Params, ctx: CallContext) => Promise<XmlRpcValue>;

function args(params: Params, n: number): Params {
  if (params.length < n) throw F.insufficientArgs();
  return params;
}

function parse<S extends z.ZodType>(schema: S, v: XmlRpcValue | undefined): z.output<S> {
  const r = schema.safeParse(v ?? {});
  if (!r.success) throw F.invalidParams(firstIssue(r.error));
  return r.data;
}

const idOf = (v: XmlRpcValue | undefined) => parse(xmlrpcId, v ?? "");

/** blogger/metaWeblog put the login at params[1] and [2]; wp.* too, after the blog id. */
const signIn = (params: Params, ctx: CallContext, at = 1): Promise<Caller> => authenticate(params[at], params[at + 1], ctx);

async function usersBlogs(caller: Caller): Promise<XmlRpcValue> {
  const site = await siteUrl();
  const opts = await getOptions();
  return [{ isAdmin: roleCan(caller.role, "manage_options"), url: `${site}/`, blogid: "1", blogName: opts.blogname, xmlrpc: `${site}/xmlrpc.php` }];
}

// ---- MetaWeblog ---------------------------------------------------------------------------

function fromMetaWeblog(raw: XmlRpcValue | undefined, publish: XmlRpcValue | undefined): PostWrite {
  const c = parse(MetaWeblogPostSchema, raw);
  const type: PostType = c.post_type ?? "post";
  const asked = (type === "page" ? c.page_status : undefined) ?? c.post_status;
  const publishFlag = publish === true || publish === 1 || publish === "1";
  // WordPress (mw_newPost, mw_editPost): the struct's status wins; else publish=true publishes
  // and false saves a draft, on an edit too (an edit with false takes a published post back).
  const status: PostStatus = asked ?? (publishFlag ? "publish" : "draft");
  const more = c.mt_text_more ? `<!--more-->${c.mt_text_more}` : "";
  return {
    type,
    title: c.title,
    content: c.description !== undefined ? c.description + more : undefined,
    excerpt: c.mt_excerpt,
    status,
    slug: c.wp_slug,
    password: c.wp_password,
    commentStatus: c.mt_allow_comments,
    pingStatus: c.mt_allow_pings,
    sticky: c.sticky,
    authorId: c.wp_author_id,
    featuredMediaId: c.wp_post_thumbnail,
    parentId: c.wp_page_parent_id,
    menuOrder: c.wp_page_order,
    date: c.date_created_gmt ?? c.dateCreated,
    categoryNames: c.categories ? { names: c.categories, createMissing: false } : undefined,
    tagNames: c.mt_keywords !== undefined ? parseTagList(c.mt_keywords) : undefined,
  };
}

const metaWeblog: Record<string, Method> = {
  async "metaWeblog.newPost"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    return String(await writePost(caller, fromMetaWeblog(p[3], p[4])));
  },
  async "metaWeblog.editPost"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    const id = idOf(p[0]);
    const post = await editablePost(caller, id);
    await writePost(caller, { ...fromMetaWeblog(p[3], p[4]), type: post.type }, id);
    return true;
  },
  async "metaWeblog.getPost"(p, ctx) {
    args(p, 3);
    const caller = await signIn(p, ctx);
    return await metaWeblogStruct(await editablePost(caller, idOf(p[0])));
  },
  async "metaWeblog.getRecentPosts"(p, ctx) {
    args(p, 3);
    const caller = await signIn(p, ctx);
    if (!roleCan(caller.role, "edit_posts")) throw F.cannotEditType();
    const n = p[3] === undefined ? 10 : Math.min(idOf(p[3]), 1000);
    const rows = await recent(caller, "post", [], n, 0, "date", "desc");
    const terms = await listTermsForPosts(rows.map((r) => r.id));
    return await Promise.all(rows.map((r) => metaWeblogStruct(r, terms.filter((t) => t.postId === r.id))));
  },
  async "metaWeblog.getCategories"(p, ctx) {
    args(p, 3);
    const caller = await signIn(p, ctx);
    if (!roleCan(caller.role, "edit_posts")) throw F.cannotEditType();
    const site = await siteUrl();
    const opts = await getOptions();
    return (await listTerms("category")).map((t) => ({
      categoryId: String(t.id),
      parentId: String(t.parentId ?? 0),
      description: t.name,
      categoryDescription: t.description,
      categoryName: t.name,
      htmlUrl: `${site}/${opts.category_base || "category"}/${t.slug}/`,
      rssUrl: `${site}/${opts.category_base || "category"}/${t.slug}/feed/`,
    }));
  },
  async "metaWeblog.newMediaObject"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    const m = await uploadFile(caller, parse(UploadStructSchema, p[3]));
    return { id: String(m.id), file: m.fileName, url: await absoluteMediaUrl(m), type: m.mimeType };
  },
};

async function recent(caller: Caller, type: PostType, statuses: PostStatus[], limit: number, offset: number, orderBy: "date" | "title" | "modified" | "id", order: "asc" | "desc") {
  const others = roleCan(caller.role, type === "page" ? "edit_others_pages" : "edit_others_posts");
  return await listPostsForClient({
    type,
    statuses,
    onlyAuthorId: others ? null : caller.id,
    readerId: caller.id,
    canReadOthersPrivate: roleCan(caller.role, type === "page" ? "read_private_pages" : "read_private_posts"),
    orderBy,
    order,
    limit,
    offset,
  });
}

// ---- Blogger --------------------------------------------------------------------------------

const blogger: Record<string, Method> = {
  async "blogger.getUsersBlogs"(p, ctx) {
    args(p, 3);
    return await usersBlogs(await signIn(p, ctx));
  },
  async "blogger.deletePost"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx, 2);
    await trashPost(caller, idOf(p[1]));
    return true;
  },
};

// ---- wp.* -----------------------------------------------------------------------------------

function fromWp(raw: XmlRpcValue | undefined): PostWrite {
  const c = parse(WpPostSchema, raw);
  for (const tax of [...Object.keys(c.terms ?? {}), ...Object.keys(c.terms_names ?? {})]) {
    if (tax !== "category" && tax !== "post_tag") throw F.invalidTaxonomy();
  }
  return {
    type: c.post_type ?? "post",
    title: c.post_title,
    content: c.post_content,
    excerpt: c.post_excerpt,
    status: c.post_status,
    slug: c.post_name,
    password: c.post_password,
    commentStatus: c.comment_status,
    pingStatus: c.ping_status,
    sticky: c.sticky,
    authorId: c.post_author,
    featuredMediaId: c.post_thumbnail,
    parentId: c.post_parent,
    menuOrder: c.menu_order,
    date: c.post_date_gmt ?? c.post_date,
    categoryIds: c.terms?.category,
    categoryNames: c.terms_names?.category ? { names: c.terms_names.category, createMissing: true } : undefined,
    tagIds: c.terms?.post_tag,
    tagNames: c.terms_names?.post_tag,
    notModifiedSince: c.if_not_modified_since,
  };
}

const ORDER = { date: "date", post_date: "date", title: "title", post_title: "title", modified: "modified", post_modified: "modified", ID: "id", id: "id" } as const;

const wp: Record<string, Method> = {
  async "wp.getUsersBlogs"(p, ctx) {
    args(p, 2);
    return await usersBlogs(await signIn(p, ctx, 0));
  },
  async "wp.newPost"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    return String(await writePost(caller, fromWp(p[3])));
  },
  async "wp.editPost"(p, ctx) {
    args(p, 5);
    const caller = await signIn(p, ctx);
    const id = idOf(p[3]);
    const post = await editablePost(caller, id);
    const w = fromWp(p[4]);
    if ((p[4] as Record<string, XmlRpcValue>).post_type !== undefined && w.type !== post.type) throw F.invalidPostType();
    await writePost(caller, { ...w, type: post.type }, id);
    return true;
  },
  async "wp.deletePost"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    await trashPost(caller, idOf(p[3]));
    return true;
  },
  async "wp.getPost"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    return await wpPostStruct(await editablePost(caller, idOf(p[3])), undefined, await allTerms());
  },
  async "wp.getPosts"(p, ctx) {
    args(p, 3);
    const caller = await signIn(p, ctx);
    const f = parse(WpPostFilterSchema, p[3]);
    if (!roleCan(caller.role, f.post_type === "page" ? "edit_pages" : "edit_posts")) throw F.cannotEditType();
    const statuses = (f.post_status === undefined ? [] : Array.isArray(f.post_status) ? f.post_status : [f.post_status]) as PostStatus[];
    const rows = await recent(caller, f.post_type, statuses, f.number, f.offset, ORDER[f.orderby], f.order);
    const terms = await listTermsForPosts(rows.map((r) => r.id));
    const full = await allTerms();
    return await Promise.all(rows.map((r) => wpPostStruct(r, terms.filter((t) => t.postId === r.id), full)));
  },
  async "wp.getTerms"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    const tax = p[3];
    if (tax !== "category" && tax !== "post_tag") throw F.invalidTaxonomy();
    if (!roleCan(caller.role, "edit_posts")) throw F.cannotTerms();
    const f = parse(WpTermFilterSchema, p[4]);
    let rows = await listTerms(tax);
    if (f.hide_empty) rows = rows.filter((t) => t.count > 0);
    if (f.search) rows = rows.filter((t) => t.name.toLowerCase().includes(f.search!.toLowerCase()));
    rows = rows.slice(f.offset, f.number ? f.offset + f.number : undefined);
    return rows.map(termStruct);
  },
  async "wp.uploadFile"(p, ctx) {
    args(p, 4);
    const caller = await signIn(p, ctx);
    return await mediaStruct(await uploadFile(caller, parse(UploadStructSchema, p[3])));
  },
  async "wp.getOptions"(p, ctx) {
    args(p, 3);
    const caller = await signIn(p, ctx);
    const opts = await getOptions();
    const site = await siteUrl();
    const all: Record<string, { desc: string; readonly: boolean; value: XmlRpcValue }> = {
      software_name: { desc: "Software Name", readonly: true, value: "Inkwell" },
      // The WordPress version whose XML-RPC methods these match: apps enable features by it.
      software_version: { desc: "Software Version", readonly: true, value: "6.7" },
      blog_url: { desc: "WordPress Address (URL)", readonly: true, value: site },
      home_url: { desc: "Site Address (URL)", readonly: true, value: site },
      login_url: { desc: "Login Address (URL)", readonly: true, value: `${site}/login/` },
      admin_url: { desc: "The URL to the admin area", readonly: true, value: `${site}/admin/` },
      blog_title: { desc: "Site Title", readonly: true, value: opts.blogname },
      blog_tagline: { desc: "Site Tagline", readonly: true, value: opts.blogdescription },
      time_zone: { desc: "Time Zone", readonly: true, value: "0" },
      timezone: { desc: "Time Zone", readonly: true, value: opts.timezone_string },
      date_format: { desc: "Date Format", readonly: true, value: opts.date_format },
      time_format: { desc: "Time Format", readonly: true, value: opts.time_format },
      users_can_register: { desc: "Allow new users to sign up", readonly: true, value: opts.users_can_register },
      default_comment_status: { desc: "Allow people to submit comments on new posts.", readonly: true, value: opts.default_comment_status },
      default_ping_status: { desc: "Allow link notifications from other blogs (pingbacks and trackbacks) on new articles", readonly: true, value: opts.default_ping_status },
      image_default_link_type: { desc: "Image default link type", readonly: true, value: "none" },
      image_default_size: { desc: "Image default size", readonly: true, value: "" },
      image_default_align: { desc: "Image default align", readonly: true, value: "" },
      post_thumbnail: { desc: "Post Thumbnail", readonly: true, value: true },
    };
    // WordPress shows the settings of administrators only to administrators (here: all read-only).
    const asked = Array.isArray(p[3]) ? (p[3] as XmlRpcValue[]).filter((x): x is string => typeof x === "string") : Object.keys(all);
    const out: Record<string, XmlRpcValue> = {};
    for (const name of asked) if (all[name] && (roleCan(caller.role, "manage_options") || !["users_can_register", "admin_url"].includes(name))) out[name] = all[name];
    return out;
  },
  async "wp.getProfile"(p, ctx) {
    args(p, 3);
    const caller = await signIn(p, ctx);
    if (!roleCan(caller.role, "edit_posts")) throw F.cannotProfile();
    const u = await getUserById(caller.id);
    if (!u) throw F.badLogin();
    return {
      user_id: String(u.id),
      username: u.login,
      first_name: "",
      last_name: "",
      registered: new Date(u.registeredGmt.replace(" ", "T") + "Z"),
      bio: u.bio,
      email: u.email,
      nickname: u.displayName,
      nicename: u.nicename,
      url: u.url,
      display_name: u.displayName,
      roles: [u.role],
    };
  },
};

async function allTerms() {
  return new Map([...(await listTerms("category")), ...(await listTerms("post_tag"))].map((t) => [t.id, t]));
}

/** Every publishing method by name; the route adds pingback's and system's own. */
export const PUBLISHING_METHODS: Record<string, Method> = { ...blogger, ...metaWeblog, ...wp };
