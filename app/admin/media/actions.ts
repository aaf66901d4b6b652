"use server";

import { refreshAfterWrite } from "@/lib/site/refresh";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { MediaAltSchema, MediaDetailsSchema, MediaIdSchema } from "@/lib/validation/media";
import { deleteMediaRow, getMediaById, getPostForAttachment, updateMediaAlt, updateMediaDetails } from "@/db/queries/media";
import { canDeleteMedia, canEditMedia } from "@/lib/media/permissions";
import { canEditPost } from "@/lib/auth/capabilities";
import { removeStoredFiles } from "@/lib/media/process";
import { parseSizes } from "@/lib/media/view";
import type { FormState } from "@/lib/form-state";

export async function updateMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireCapability("upload_files");
  const raw = Object.fromEntries(["id", "title", "alt", "caption", "postId"].map((k) => [k, String(formData.get(k) ?? "")]));
  const parsed = MediaDetailsSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Not saved: please correct the fields marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: raw };
  const item = await getMediaById(parsed.data.id);
  if (!item) return { status: "error", message: "This file no longer exists." };
  if (!canEditMedia(user, item)) return { status: "error", message: "Sorry, you are not allowed to edit this file." };
  const { postId } = parsed.data;
  if (postId !== null && postId !== item.postId) {
    const post = await getPostForAttachment(postId);
    if (!post) return { status: "error", message: "Not saved: please correct the fields marked below.", fieldErrors: { postId: ["There is no post with this ID."] }, values: raw };
    if (!canEditPost(user, post)) return { status: "error", message: "Not saved: please correct the fields marked below.", fieldErrors: { postId: ["You may not attach files to that post."] }, values: raw };
  }
  await updateMediaDetails(item.id, { title: parsed.data.title, alt: parsed.data.alt, caption: parsed.data.caption, postId });
  refreshAfterWrite();
  return { status: "success", message: "Media file updated." };
}

export async function deleteMediaAction(formData: FormData): Promise<void> {
  const user = await requireCapability("upload_files");
  const parsed = MediaIdSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) redirect("/admin/media/");
  const item = await getMediaById(parsed.data.id);
  if (!item) redirect("/admin/media/?message=deleted");
  if (!canDeleteMedia(user, item)) redirect(`/admin/media/${item.id}/?message=forbidden`);
  const row = await deleteMediaRow(item.id);
  if (row) {
    // The row is gone first, so a reader never gets a link to a missing file from the library.
    const sizes = parseSizes(row.sizes);
    await removeStoredFiles([row.path, ...Object.values(sizes).map((s) => s.path)]);
  }
  refreshAfterWrite();
  redirect("/admin/media/?message=deleted");
}

/** The editor's media dialog saves the alt text it inserts on the attachment, as WordPress does. */
export async function saveMediaAltAction(input: { id: number; alt: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const user = await requireCapability("upload_files");
  const parsed = MediaAltSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid alternative text." };
  const item = await getMediaById(parsed.data.id);
  if (!item) return { ok: false, message: "This file no longer exists." };
  if (!canEditMedia(user, item)) return { ok: false, message: "The alternative text is in the post, but you may not change this file's own." };
  if (item.alt !== parsed.data.alt) await updateMediaAlt(item.id, parsed.data.alt);
  return { ok: true };
}
