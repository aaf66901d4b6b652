// POST /admin/media/upload/ — one file per request (multipart "file", optional "postId"), so that
// the browser can show each file's progress. Answers JSON: 201 with the item, or { error } with
// 400/401/403/413/415. The capability is checked here: a route handler is a public endpoint.
import { getCurrentUser } from "@/lib/session";
import { roleCan, canEditPost } from "@/lib/auth/capabilities";
import { getOptions } from "@/db/queries/options";
import { getPostForAttachment, insertMedia } from "@/db/queries/media";
import { UploadFieldsSchema } from "@/lib/validation/media";
import { removeStoredFiles, storeUpload, UploadError, formatBytes, safeBaseName } from "@/lib/media/process";
import { toMediaView } from "@/lib/media/view";
import { logEvent } from "@/lib/log";
import { UPLOAD_MULTIPART_ALLOWANCE } from "@/lib/http/body-limits";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const jsonAnswer = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

const ERROR_CODES: Record<number, string> = { 400: "invalid", 401: "signed-out", 403: "forbidden", 413: "too-large", 415: "type" };

/** The uploader asks for JSON; a plain form (no JavaScript) gets sent back to the library. */
function answerer(request: Request) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  return (status: number, body: { error?: string; id?: number } & Record<string, unknown>) => {
    if (wantsJson) return jsonAnswer(status, body);
    const target = status === 401 ? "/login/" : body.error ? `/admin/media/?upload_error=${ERROR_CODES[status] ?? "invalid"}` : `/admin/media/?uploaded=${body.id}`;
    return new Response(null, { status: 303, headers: { location: target } });
  };
}

export async function POST(request: Request): Promise<Response> {
  const json = answerer(request);
  const user = await getCurrentUser();
  if (!user) return json(401, { error: "Your session has ended: sign in again to upload." });
  if (!roleCan(user.role, "upload_files")) return json(403, { error: "Sorry, you are not allowed to upload files." });
  // Cookies are SameSite=Lax, and a form from another site is refused here as well.
  if (!isSameOriginRequest(request.headers)) return json(403, { error: "Cross-site uploads are not allowed." });

  const opts = await getOptions();
  const maxBytes = opts.upload_max_bytes;
  // Refuse an oversized body before reading it (multipart adds a little around the file).
  const declared = Number(request.headers.get("content-length") || 0);
  if (declared > maxBytes + UPLOAD_MULTIPART_ALLOWANCE) return json(413, { error: `The file is larger than the ${formatBytes(maxBytes)} limit.` });

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json(400, { error: "Send the file as multipart/form-data in a field named file." });
  }
  const file = form.get("file");
  if (!(file instanceof File)) return json(400, { error: "Choose a file to upload." });
  if (file.size > maxBytes) return json(413, { error: `The file is larger than the ${formatBytes(maxBytes)} limit.` });
  const fields = UploadFieldsSchema.safeParse({ postId: form.get("postId") ?? "" });
  if (!fields.success) return json(400, { error: fields.error.issues[0]?.message ?? "Invalid post." });
  const postId = fields.data.postId;
  if (postId !== null) {
    const post = await getPostForAttachment(postId);
    if (!post) return json(400, { error: "The post to attach to does not exist." });
    if (!canEditPost(user, post)) return json(403, { error: "Sorry, you are not allowed to attach files to this post." });
  }

  let stored;
  try {
    stored = await storeUpload(new Uint8Array(await file.arrayBuffer()), file.name, { maxBytes, extraTypes: opts.upload_extra_types });
  } catch (e) {
    if (e instanceof UploadError) return json(e.status, { error: e.message });
    throw e;
  }
  try {
    const row = await insertMedia({
      authorId: user.id,
      postId,
      path: stored.path,
      fileName: stored.fileName,
      mimeType: stored.mimeType,
      size: stored.size,
      width: stored.width,
      height: stored.height,
      title: safeBaseName(file.name).replace(/-/g, " "),
      sizes: JSON.stringify(stored.sizes),
    });
    logEvent("media.uploaded", { id: row.id, userId: user.id, path: row.path, bytes: row.size });
    // The editor's media dialog shows the new item like any other in the library.
    return json(201, { ...toMediaView(row) });
  } catch (e) {
    await removeStoredFiles([stored.path, ...Object.values(stored.sizes).map((s) => s.path)]);
    throw e;
  }
}
