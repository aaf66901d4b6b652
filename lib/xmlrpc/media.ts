// metaWeblog.newMediaObject and wp.uploadFile: the bytes go through the admin uploader's own
// pipeline (type from the bytes, Settings → Media's size and types, image sizes), so XML-RPC
// accepts exactly what the Media screen accepts; a refused file leaves nothing behind.
import { getOptions } from "@/db/queries/options";
import { getPostForAttachment, insertMedia } from "@/db/queries/media";
import { canEditPost, roleCan } from "@/lib/auth/capabilities";
import { removeStoredFiles, safeBaseName, storeUpload, UploadError } from "@/lib/media/process";
import { logEvent } from "@/lib/log";
import type { Media } from "@/db/schema";
import type { Caller } from "./auth";
import { F, fault } from "./faults";

export async function uploadFile(caller: Caller, file: { name: string; bits: Buffer; post_id?: number }): Promise<Media> {
  if (!roleCan(caller.role, "upload_files")) throw F.cannotUpload();
  const postId = file.post_id || null;
  if (postId !== null) {
    const post = await getPostForAttachment(postId);
    if (!post) throw F.invalidPostId();
    if (!canEditPost(caller, post)) throw F.cannotEditThis();
  }
  const opts = await getOptions();
  let stored;
  try {
    stored = await storeUpload(new Uint8Array(file.bits), file.name, { maxBytes: opts.upload_max_bytes, extraTypes: opts.upload_extra_types });
  } catch (e) {
    // WordPress answers a refused upload with 500 and the uploader's message.
    if (e instanceof UploadError) throw F.upload(e.status === 415 ? "Sorry, you are not allowed to upload this file type." : e.message);
    throw e;
  }
  try {
    const row = await insertMedia({
      authorId: caller.id,
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
    logEvent("media.uploaded", { id: row.id, userId: caller.id, path: row.path, bytes: row.size, via: "xmlrpc" });
    return row;
  } catch (e) {
    await removeStoredFiles([stored.path, ...Object.values(stored.sizes).map((s) => s.path)]);
    throw fault(500, `Could not write file ${file.name} (${(e as Error).message}).`);
  }
}
