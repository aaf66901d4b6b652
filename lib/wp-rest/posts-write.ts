// POST/PUT/DELETE /wp/v2/posts and /wp/v2/pages, and the signed-in reads (context=edit, drafts),
// with WordPress's permission checks (WP_REST_Posts_Controller) over the admin's own rules: the
// same capability table, the same ownership checks, the same sanitizing of HTML for roles without
// unfiltered_html, and the same save (db/queries/post-editor.ts) the editor uses.
import { z } from "zod";
import type { PostStatus, PostType } from "@/db/schema";
import { getOptions } from "@/db/queries/options";
import { deletePostsPermanently, getPostOwnership, getUserRoleById, savePost, trashPosts } from "@/db/queries/post-editor";
import { getRestPostAnyStatus, getTermNamesByIds, listRestPostsByStatus } from "@/db/queries/rest-write";
import { getPageAncestorSlugs, listRestPostTerms, type RestPostRow } from "@/db/queries/wp-rest";
import { getPickerImage } from "@/db/queries/media-picker";
import { canDeletePost, canEditPost, canPublish, canReadPrivate, roleCan, type Actor } from "@/lib/auth/capabilities";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { postBody } from "@/lib/site/post-body";
import { fullContent } from "@/lib/content/format";
import { parseSqlGmt, toSqlGmt, toSqlLocal } from "@/lib/dates";
import { resolvePostDate } from "@/lib/posts/schedule";
import { enqueuePostFederation, enqueuePostPings } from "@/lib/jobs";
import { federatePermanentDeletion } from "@/lib/federation/publish";
import { POST_LIMITS } from "@/lib/validation/post";
import { absoluteUrl } from "@/lib/site-url";
import { RestError, forbiddenFor, invalidParam, restJson } from "./errors";
import { parseBody, rawText, restBool, restId, restIdList } from "./body";
import { formatRestPost, restPostLink } from "./format";
import type { RestUser } from "./auth";

const WRITABLE_STATUSES = ["publish", "future", "draft", "pending", "private"] as const;
const noun = (type: PostType) => (type === "page" ? "pages" : "posts");

const PostBodySchema = z.object({
  title: rawText(POST_LIMITS.title).optional(),
  content: rawText(POST_LIMITS.content).optional(),
  excerpt: rawText(POST_LIMITS.excerpt).optional(),
  status: z.enum(WRITABLE_STATUSES).optional(),
  slug: z.string().max(POST_LIMITS.slug).optional(),
  password: z.string().max(POST_LIMITS.password).optional(),
  date: z.string().max(40).nullable().optional(),
  date_gmt: z.string().max(40).nullable().optional(),
  author: restId.optional(),
  featured_media: restId.optional(),
  comment_status: z.enum(["open", "closed"]).optional(),
  ping_status: z.enum(["open", "closed"]).optional(),
  sticky: restBool.optional(),
  categories: restIdList.optional(),
  tags: restIdList.optional(),
  parent: restId.optional(),
  menu_order: z.coerce.number().int().min(-99999).max(99999).optional(),
  // Accepted and kept as WordPress's defaults: Inkwell has one format and one template.
  format: z.enum(["standard"]).optional(),
  template: z.literal("").optional(),
  meta: z.union([z.array(z.unknown()).max(0), z.object({}).strict()]).optional(),
});
// Fields WordPress's clients send back from a post they read; ignored as WordPress ignores them.
const READ_ONLY_FIELDS = ["id", "type", "link", "guid", "modified", "modified_gmt", "generated_slug", "permalink_template", "context", "force"] as const;

type PostBody = z.infer<typeof PostBodySchema>;

/** Authors and contributors get their HTML sanitized, as in the editor; editors and administrators keep it. */
const filterHtml = (user: Actor, html: string) => (roleCan(user.role, "unfiltered_html") ? html : sanitizePostHtml(html));

/** The stored date pair from WordPress's `date` (site time) or `date_gmt`, or now. */
function resolveDates(body: PostBody, timeZone: string, existing: RestPostRow | undefined, now: Date) {
  if (body.date_gmt) {
    const d = parseSqlGmt(body.date_gmt.replace(/Z$/, "").slice(0, 19));
    if (Number.isNaN(d.getTime())) throw invalidParam({ date_gmt: "Invalid date." });
    return { date: toSqlLocal(d, timeZone), dateGmt: toSqlGmt(d), ms: d.getTime(), chosen: true };
  }
  if (body.date) {
    const r = resolvePostDate(body.date.replace(/(Z|[+-]\d\d:\d\d)$/, "").slice(0, 19), timeZone, now);
    if ("error" in r) throw invalidParam({ date: "Invalid date." });
    return { date: r.date, dateGmt: r.dateGmt, ms: r.ms, chosen: true };
  }
  if (existing) return { date: existing.date, dateGmt: existing.dateGmt, ms: parseSqlGmt(existing.dateGmt).getTime(), chosen: true };
  return { date: toSqlLocal(now, timeZone), dateGmt: toSqlGmt(now), ms: now.getTime(), chosen: false };
}

/** WordPress's response for one post: `view`, or `edit` with the raw fields its editors read back. */
export async function restPostResponse(row: RestPostRow, context: "view" | "edit"): Promise<Record<string, unknown>> {
  const opts = await getOptions();
  const terms = row.type === "post" ? (await listRestPostTerms([row.id])).get(row.id) : undefined;
  const link = await restPostLink(row, opts.permalink_structure, row.type === "page" ? await getPageAncestorSlugs(row.parentId) : []);
  const out = await formatRestPost(row, { link, terms });
  if (context !== "edit") return out;
  const rendered = row.password !== "" ? (out.content as { rendered: string }).rendered : fullContent(await postBody(row), row.id);
  return {
    ...out,
    title: { raw: row.title, rendered: row.title },
    content: { raw: row.content, rendered, protected: row.password !== "", block_version: row.content.includes("<!-- wp:") ? 1 : 0 },
    excerpt: { raw: row.excerpt, rendered: (out.excerpt as { rendered: string }).rendered, protected: row.password !== "" },
    password: row.password,
    permalink_template: link,
    generated_slug: row.slug,
  };
}

function checkStatusAllowed(user: RestUser, type: PostType, status: PostStatus) {
  if ((status === "publish" || status === "future" || status === "private") && !canPublish(user, type)) {
    throw new RestError("rest_cannot_publish", `Sorry, you are not allowed to publish ${noun(type)} in this post type.`, 403);
  }
}

async function save(type: PostType, user: RestUser, body: PostBody, existing?: RestPostRow): Promise<RestPostRow> {
  const opts = await getOptions();
  const now = new Date();
  const others = roleCan(user.role, type === "page" ? "edit_others_pages" : "edit_others_posts");
  let authorId = existing?.authorId ?? user.id;
  if (body.author !== undefined && body.author !== authorId) {
    if (!others) throw new RestError(existing ? "rest_cannot_edit_others" : "rest_cannot_edit_others", `Sorry, you are not allowed to ${existing ? "update" : "create"} ${noun(type)} as this user.`, 403);
    const role = await getUserRoleById(body.author);
    if (!role || role === "subscriber") throw new RestError("rest_invalid_author", "Invalid author ID.", 400);
    authorId = body.author;
  }
  if (body.sticky !== undefined && body.sticky !== !!existing?.sticky && !others) {
    throw new RestError("rest_cannot_assign_sticky", "Sorry, you are not allowed to make posts sticky.", 403);
  }
  const dates = resolveDates(body, opts.timezone_string, existing, now);
  let status: PostStatus = body.status ?? (existing?.status as PostStatus | undefined) ?? "draft";
  // As wp_insert_post: "publish" with a date to come schedules, "future" with a date gone publishes.
  if (status === "publish" && dates.ms > now.getTime()) status = "future";
  else if (status === "future" && dates.ms <= now.getTime()) status = "publish";
  if (body.status !== undefined || !existing) checkStatusAllowed(user, type, status);
  const featured = body.featured_media ?? existing?.featuredMediaId ?? 0;
  if (featured && featured !== existing?.featuredMediaId && !(await getPickerImage(featured))) {
    throw new RestError("rest_invalid_featured_media", "Invalid featured media ID.", 400);
  }
  const currentTerms = existing && type === "post" ? (await listRestPostTerms([existing.id])).get(existing.id) : undefined;
  const tagIds = body.tags ?? currentTerms?.tags ?? [];
  const password = body.password ?? existing?.password ?? "";
  const result = await savePost({
    id: existing?.id,
    expectedVersion: null,
    type,
    status,
    title: (body.title ?? existing?.title ?? "").replace(/[\r\n]+/g, " ").trim(),
    typedSlug: body.slug ?? existing?.slug ?? "",
    content: body.content !== undefined ? filterHtml(user, body.content) : existing?.content ?? "",
    excerpt: body.excerpt !== undefined ? filterHtml(user, body.excerpt) : existing?.excerpt ?? "",
    password: status === "private" ? "" : password,
    sticky: type === "post" && status !== "private" && (body.sticky ?? !!existing?.sticky),
    commentStatus: body.comment_status ?? (existing?.commentStatus as "open" | "closed" | undefined) ?? (type === "page" ? "closed" : opts.default_comment_status),
    pingStatus: body.ping_status ?? (existing?.pingStatus as "open" | "closed" | undefined) ?? (type === "page" ? "closed" : opts.default_ping_status),
    toPing: "",
    authorId,
    featuredMediaId: featured || null,
    parentId: type === "page" ? (body.parent ?? existing?.parentId ?? 0) || null : null,
    menuOrder: body.menu_order ?? existing?.menuOrder ?? 0,
    date: dates.date,
    dateGmt: dates.dateGmt,
    modifiedLocal: toSqlLocal(now, opts.timezone_string),
    dateChosen: dates.chosen,
    categoryIds: body.categories ?? currentTerms?.categories ?? [],
    newCategory: null,
    tagNames: (await getTermNamesByIds("post_tag", tagIds)).map((t) => t.name),
    defaultCategoryId: opts.default_category,
    editorId: user.id,
  });
  if (!result.ok) {
    if ("notFound" in result) throw new RestError("rest_post_invalid_id", "Invalid post ID.", 404);
    if ("conflict" in result) throw new RestError("rest_conflict", "The post changed while it was being saved.", 409);
    throw invalidParam({ [result.field === "parentId" ? "parent" : result.field]: result.message });
  }
  if (result.post.type === "post" && result.post.status === "publish") await enqueuePostPings(result.post.id);
  if (result.post.type === "post") await enqueuePostFederation(result.post.id);
  return (await getRestPostAnyStatus(type, result.post.id))!;
}

export async function createRestPost(type: PostType, user: RestUser | null, body: Record<string, unknown>): Promise<Response> {
  if (!user || !roleCan(user.role, type === "page" ? "edit_pages" : "edit_posts")) {
    throw forbiddenFor(user, "rest_cannot_create", `Sorry, you are not allowed to create ${noun(type)} as this user.`);
  }
  if (body.id !== undefined) throw new RestError("rest_post_exists", "Cannot create existing post.", 400);
  const row = await save(type, user, parseBody(PostBodySchema, body, READ_ONLY_FIELDS));
  return restJson(await restPostResponse(row, "edit"), 201, { Location: await absoluteUrl(`/wp-json/wp/v2/${noun(type)}/${row.id}`) });
}

async function ownedPost(type: PostType, id: number) {
  const row = await getRestPostAnyStatus(type, id);
  const owner = row && (await getPostOwnership(id));
  if (!row || !owner) throw new RestError("rest_post_invalid_id", "Invalid post ID.", 404);
  return { row, owner };
}

export async function updateRestPost(type: PostType, user: RestUser | null, id: number, body: Record<string, unknown>): Promise<Response> {
  const { row, owner } = await ownedPost(type, id);
  if (!user || !canEditPost(user, owner)) throw forbiddenFor(user, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.");
  const input = parseBody(PostBodySchema, body, READ_ONLY_FIELDS);
  // A trashed post comes back only by being given a status again, as the Trash's Restore does.
  if (row.status === "trash" && !input.status) throw new RestError("rest_cannot_edit", "The post is in the Trash: send a status to restore it.", 400);
  const saved = await save(type, user, input, row);
  return restJson(await restPostResponse(saved, "edit"));
}

export async function deleteRestPost(type: PostType, user: RestUser | null, id: number, force: boolean): Promise<Response> {
  const { row, owner } = await ownedPost(type, id);
  if (!user || !canDeletePost(user, owner)) throw forbiddenFor(user, "rest_cannot_delete", "Sorry, you are not allowed to delete this post.");
  const previous = await restPostResponse(row, "edit");
  if (force) {
    if (type === "post") await federatePermanentDeletion(id);
    await deletePostsPermanently([id]);
    return restJson({ deleted: true, previous });
  }
  if (row.status === "trash") throw new RestError("rest_already_trashed", "The post has already been deleted.", 410);
  await trashPosts([id]);
  if (type === "post") await enqueuePostFederation(id);
  return restJson(await restPostResponse((await getRestPostAnyStatus(type, id))!, "edit"));
}

/** One post for a signed-in reader: any status they may edit or read, `context=edit` for editors. */
export async function getRestPostForUser(type: PostType, user: RestUser, id: number, context: "view" | "edit"): Promise<Record<string, unknown>> {
  const row = await getRestPostAnyStatus(type, id);
  const owner = row && (await getPostOwnership(id));
  if (!row || !owner) throw new RestError("rest_post_invalid_id", "Invalid post ID.", 404);
  const mayEdit = canEditPost(user, owner);
  if (context === "edit" && !mayEdit) throw new RestError("rest_forbidden_context", "Sorry, you are not allowed to edit this post.", 403);
  const readable = row.status === "publish" || mayEdit || (row.status === "private" && canReadPrivate(user, { authorId: row.authorId, type, status: row.status }));
  if (!readable) throw new RestError("rest_forbidden", "Sorry, you are not allowed to do that.", 403);
  return restPostResponse(row, context);
}

/** `status=draft,pending,…` listings: only for writers, and only their own unless they may edit others'. */
export async function listRestPostsForUser(type: PostType, user: RestUser | null, q: { statuses: string[]; authors?: number[]; search?: string; page: number; perPage: number; context: "view" | "edit" }) {
  const statuses = q.statuses.includes("any") ? ["publish", "future", "draft", "pending", "private"] : q.statuses;
  const bad = statuses.find((s) => !(["publish", "future", "draft", "pending", "private", "trash"] as string[]).includes(s));
  if (bad) throw invalidParam({ status: `status[0] is not one of publish, future, draft, pending, private, trash, and any.` });
  if (!user || !roleCan(user.role, type === "page" ? "edit_pages" : "edit_posts")) {
    throw forbiddenFor(user, "rest_forbidden_status", "Status is forbidden.");
  }
  const others = roleCan(user.role, type === "page" ? "edit_others_pages" : "edit_others_posts");
  const { rows, total } = await listRestPostsByStatus({
    type, statuses: statuses as PostStatus[], authorId: others ? undefined : user.id, authors: q.authors, search: q.search, page: q.page, perPage: q.perPage,
  });
  return { items: await Promise.all(rows.map((r) => restPostResponse(r, q.context))), total };
}

