// /wp/v2/media (WP_REST_Attachments_Controller): list and read, upload (the raw file with
// Content-Disposition, as apps send it, or multipart `file`), edit alt text, caption and title,
// and delete with force=true. The bytes go through the admin uploader's own checks
// (lib/media/process.ts: type from the bytes, size limit, decompression bombs).
import { z } from "zod";
import type { Media } from "@/db/schema";
import { getOptions } from "@/db/queries/options";
import { deleteMediaRow, getPostForAttachment, insertMedia, updateMediaDetails } from "@/db/queries/media";
import { getRestMedia, listRestMedia } from "@/db/queries/rest-write";
import { canEditPost, roleCan } from "@/lib/auth/capabilities";
import { canDeleteMedia, canEditMedia } from "@/lib/media/permissions";
import { formatBytes, removeStoredFiles, safeBaseName, storeUpload, UploadError } from "@/lib/media/process";
import { parseSizes } from "@/lib/media/view";
import { uploadUrl } from "@/lib/media/paths";
import { escapeHtml } from "@/lib/content/escape";
import { MEDIA_LIMITS } from "@/lib/validation/media";
import { absoluteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { RestError, forbiddenFor, restJson } from "./errors";
import { parseBody, rawText, restId } from "./body";
import type { RestUser } from "./auth";

const iso = (s: string) => s.replace(" ", "T").slice(0, 19);

const MediaBodySchema = z.object({
  title: rawText(MEDIA_LIMITS.title).optional(),
  caption: rawText(MEDIA_LIMITS.caption).optional(),
  alt_text: z.string().max(MEDIA_LIMITS.alt).optional(),
  description: rawText(MEDIA_LIMITS.caption).optional(),
  post: restId.nullable().optional(),
  status: z.enum(["inherit", "publish"]).optional(),
  date: z.string().max(40).optional(),
  slug: z.string().max(200).optional(),
  comment_status: z.enum(["open", "closed"]).optional(),
  ping_status: z.enum(["open", "closed"]).optional(),
  author: restId.optional(),
  meta: z.union([z.array(z.unknown()).max(0), z.object({}).strict()]).optional(),
});

export async function formatRestMedia(m: Media, context: "view" | "edit" = "view"): Promise<Record<string, unknown>> {
  const source = m.path ? await absoluteUrl(uploadUrl(m.path)) : m.originalUrl;
  const sizes = parseSizes(m.sizes);
  const mediaDetails: Record<string, unknown> = { filesize: m.size, file: m.path, sizes: {} as Record<string, unknown> };
  if (m.width && m.height) Object.assign(mediaDetails, { width: m.width, height: m.height });
  for (const [name, s] of Object.entries(sizes)) {
    (mediaDetails.sizes as Record<string, unknown>)[name] = { file: s.path.split("/").pop(), width: s.width, height: s.height, mime_type: m.mimeType, source_url: await absoluteUrl(uploadUrl(s.path)) };
  }
  (mediaDetails.sizes as Record<string, unknown>).full = { file: m.fileName, width: m.width, height: m.height, mime_type: m.mimeType, source_url: source };
  const caption = m.caption ? `<p>${escapeHtml(m.caption)}</p>\n` : "";
  const out: Record<string, unknown> = {
    id: m.id, date: iso(m.createdGmt), date_gmt: iso(m.createdGmt), guid: { rendered: source }, modified: iso(m.createdGmt), modified_gmt: iso(m.createdGmt),
    slug: safeBaseName(m.fileName), status: "inherit", type: "attachment", link: source,
    title: context === "edit" ? { raw: m.title, rendered: escapeHtml(m.title) } : { rendered: escapeHtml(m.title) },
    author: m.authorId ?? 0, comment_status: "closed", ping_status: "closed", template: "", meta: [],
    description: context === "edit" ? { raw: "", rendered: "" } : { rendered: "" },
    caption: context === "edit" ? { raw: m.caption, rendered: caption } : { rendered: caption },
    alt_text: m.alt, media_type: m.mimeType.startsWith("image/") ? "image" : "file", mime_type: m.mimeType,
    media_details: mediaDetails, post: m.postId, source_url: source,
    ...(context === "edit" ? { permalink_template: source, generated_slug: safeBaseName(m.fileName), missing_image_sizes: [] } : {}),
    _links: {
      self: [{ href: await absoluteUrl(`/wp-json/wp/v2/media/${m.id}`) }],
      collection: [{ href: await absoluteUrl("/wp-json/wp/v2/media") }],
      ...(m.authorId ? { author: [{ embeddable: true, href: await absoluteUrl(`/wp-json/wp/v2/users/${m.authorId}`) }] } : {}),
    },
  };
  return out;
}

export async function listRestMediaFor(user: RestUser | null, q: { page: number; perPage: number; mediaType?: string; parent?: number[]; search?: string }) {
  const mediaType = q.mediaType as "image" | "video" | "audio" | "application" | "text" | undefined;
  const { rows, total } = await listRestMedia({ ...q, mediaType, all: !!user && roleCan(user.role, "upload_files") });
  return { items: await Promise.all(rows.map((m) => formatRestMedia(m))), total };
}

export async function getRestMediaFor(user: RestUser | null, id: number, context: "view" | "edit"): Promise<Record<string, unknown>> {
  const found = await getRestMedia(id);
  if (!found || (!found.isPublic && !(user && roleCan(user.role, "upload_files")))) throw new RestError("rest_post_invalid_id", "Invalid post ID.", 404);
  if (context === "edit" && !(user && canEditMedia(user, found.item))) throw new RestError("rest_forbidden_context", "Sorry, you are not allowed to edit this post.", user ? 403 : 401);
  return formatRestMedia(found.item, context);
}

/** The file's name from `Content-Disposition: attachment; filename="photo.jpg"` (filename* too). */
function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ""));
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]!).trim() : null;
}

async function checkAttachTo(user: RestUser, postId: number | null | undefined) {
  if (!postId) return;
  const post = await getPostForAttachment(postId);
  if (!post) throw new RestError("rest_invalid_param", "Invalid parameter(s): post", 400, { params: { post: "Invalid post ID." } });
  if (!canEditPost(user, post)) throw new RestError("rest_cannot_edit", "Sorry, you are not allowed to edit this post.", 403);
}

export async function uploadRestMedia(user: RestUser | null, req: Request): Promise<Response> {
  if (!user || !roleCan(user.role, "upload_files")) throw forbiddenFor(user, "rest_cannot_create", "Sorry, you are not allowed to upload media on this site.");
  const opts = await getOptions();
  const maxBytes = opts.upload_max_bytes;
  const tooBig = () => new RestError("rest_upload_file_too_big", `The file is larger than the ${formatBytes(maxBytes)} limit.`, 413);
  if (Number(req.headers.get("content-length") || 0) > maxBytes + 64 * 1024) throw tooBig();
  const url = new URL(req.url);
  let bytes: Uint8Array;
  let name: string;
  let fields: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if ((req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof File)) throw new RestError("rest_upload_no_data", "No data supplied.", 400);
    bytes = new Uint8Array(await file.arrayBuffer());
    name = file.name;
    fields = { ...fields, ...Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string")) };
  } else {
    name = dispositionName(req.headers.get("content-disposition")) ?? "";
    if (!name) throw new RestError("rest_upload_no_content_disposition", "No Content-Disposition supplied.", 400);
    bytes = new Uint8Array(await req.arrayBuffer());
    if (!bytes.length) throw new RestError("rest_upload_no_data", "No data supplied.", 400);
  }
  if (bytes.length > maxBytes) throw tooBig();
  const input = parseBody(MediaBodySchema, fields, ["context", "force"]);
  await checkAttachTo(user, input.post);
  let stored;
  try {
    stored = await storeUpload(bytes, name, { maxBytes, extraTypes: opts.upload_extra_types });
  } catch (e) {
    if (e instanceof UploadError) {
      if (e.status === 415) throw new RestError("rest_upload_sideload_error", "Sorry, you are not allowed to upload this file type.", 415);
      if (e.status === 413) throw tooBig();
      throw new RestError("rest_upload_sideload_error", e.message, 400);
    }
    throw e;
  }
  try {
    const row = await insertMedia({
      authorId: user.id, postId: input.post ?? null, path: stored.path, fileName: stored.fileName, mimeType: stored.mimeType, size: stored.size,
      width: stored.width, height: stored.height, title: (input.title ?? safeBaseName(name).replace(/-/g, " ")).trim(),
      alt: (input.alt_text ?? "").trim(), caption: (input.caption ?? "").trim(), sizes: JSON.stringify(stored.sizes),
    });
    logEvent("media.uploaded", { id: row.id, userId: user.id, path: row.path, bytes: row.size, via: "rest" });
    return restJson(await formatRestMedia(row, "edit"), 201, { Location: await absoluteUrl(`/wp-json/wp/v2/media/${row.id}`) });
  } catch (e) {
    await removeStoredFiles([stored.path, ...Object.values(stored.sizes).map((s) => s.path)]);
    throw e;
  }
}

export async function updateRestMedia(user: RestUser | null, id: number, body: Record<string, unknown>): Promise<Response> {
  const found = await getRestMedia(id);
  if (!found) throw new RestError("rest_post_invalid_id", "Invalid post ID.", 404);
  if (!user || !canEditMedia(user, found.item)) throw forbiddenFor(user, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.");
  const input = parseBody(MediaBodySchema, body, ["id", "context", "force", "media_type", "mime_type", "source_url", "media_details", "link", "guid", "type"]);
  if (input.post !== undefined && input.post !== found.item.postId) await checkAttachTo(user, input.post);
  const m = found.item;
  await updateMediaDetails(id, {
    title: (input.title ?? m.title).trim(), alt: (input.alt_text ?? m.alt).trim(), caption: (input.caption ?? m.caption).trim(),
    postId: input.post === undefined ? m.postId : input.post || null,
  });
  return restJson(await formatRestMedia((await getRestMedia(id))!.item, "edit"));
}

export async function deleteRestMedia(user: RestUser | null, id: number, force: boolean): Promise<Response> {
  const found = await getRestMedia(id);
  if (!found) throw new RestError("rest_post_invalid_id", "Invalid post ID.", 404);
  if (!user || !canDeleteMedia(user, found.item)) throw forbiddenFor(user, "rest_cannot_delete", "Sorry, you are not allowed to delete this post.");
  if (!force) throw new RestError("rest_trash_not_supported", "The post does not support trashing. Set 'force=true' to delete.", 501);
  const previous = await formatRestMedia(found.item, "edit");
  const row = await deleteMediaRow(id);
  if (row) await removeStoredFiles([row.path, ...Object.values(parseSizes(row.sizes)).map((s) => s.path)]);
  return restJson({ deleted: true, previous });
}
