"use server";
// The editor's helpers that are not the form's save: the link field's search, and Preview with
// everything on screen. Each checks the capability itself: a server action is a public endpoint.
import { titleText } from "@/lib/content/title";
import { forbidden } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { canEditPost, roleCan } from "@/lib/auth/capabilities";
import { LinkSearchSchema, PreviewSchema } from "@/lib/validation/editor";
import { parseTagList } from "@/lib/posts/slug";
import { getOptions } from "@/db/queries/options";
import { listLinkTargets } from "@/db/queries/link-search";
import { getPostOwnership } from "@/db/queries/post-editor";
import { getPickerImage } from "@/db/queries/media-picker";
import { savePreviewExtras } from "@/db/queries/post-preview";
import { permalinkOf } from "@/lib/site/urls";
import { previewUrl } from "@/lib/posts/preview-url";
import type { LinkSearchResult, PreviewResult } from "@/lib/posts/editor-results";
import { autosavePostAction } from "./actions";

/** Posts and pages whose title matches, newest first, with their public URL. */
export async function searchLinkTargetsAction(raw: { type?: string; query?: string }): Promise<LinkSearchResult> {
  const user = await requireCapability("edit_posts");
  const parsed = LinkSearchSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Could not search." };
  const opts = await getOptions();
  const rows = await listLinkTargets(parsed.data.query, { userId: user.id, privatePosts: roleCan(user.role, "read_private_posts"), privatePages: roleCan(user.role, "read_private_pages") });
  return {
    ok: true,
    items: await Promise.all(rows.map(async (r) => ({ id: r.id, title: titleText(r.title) || "(no title)", url: await permalinkOf(r, opts), kind: r.type === "page" ? ("Page" as const) : ("Post" as const), status: r.status }))),
  };
}

/** Keeps the person's unsaved text (as their autosave) and terms and image (beside it), then gives the preview's address. */
export async function previewPostAction(raw: Record<string, unknown>): Promise<PreviewResult> {
  const type = raw?.type === "page" ? "page" : "post";
  const user = await requireCapability(type === "page" ? "edit_pages" : "edit_posts");
  const parsed = PreviewSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Could not preview." };
  const input = parsed.data;
  if (input.id) {
    const existing = await getPostOwnership(input.id);
    if (!existing || existing.type !== type) return { ok: false, message: "That item no longer exists." };
    if (!canEditPost(user, existing) || existing.status === "trash") forbidden();
  }
  const featured = input.featuredMediaId && (await getPickerImage(input.featuredMediaId)) ? input.featuredMediaId : null;
  const saved = await autosavePostAction({ id: input.id, type, title: input.title, content: input.content, excerpt: input.excerpt });
  if (!saved.ok) return saved;
  await savePreviewExtras(saved.id, user.id, { categoryIds: type === "post" ? input.categories : [], tagNames: type === "post" ? parseTagList(input.tags) : [], featuredMediaId: featured });
  return { ok: true, id: saved.id, version: saved.version, previewUrl: previewUrl(type, saved.id) };
}
