// Loads what the editor needs for one post or page (or a new one) and renders the client form.
import { titleText } from "@/lib/content/title";
import { notFound, forbidden } from "next/navigation";
import type { CurrentUser } from "@/lib/session";
import { canEditPost, canPublish, roleCan } from "@/lib/auth/capabilities";
import { getOptions } from "@/db/queries/options";
import { getNewerAutosave, getPostForEdit, getPostInReplyTo, isDateChosen, listAuthorOptions, listCategoryOptions, listParentPageOptions, listTagNames } from "@/db/queries/post-editor";
import { countRevisions } from "@/db/queries/revisions";
import { listPickerImages } from "@/db/queries/media-picker";
import { postUrl } from "@/lib/content/post-view";
import { flattenTree } from "@/lib/posts/tree";
import { toInputValue } from "@/lib/posts/schedule";
import { toSqlLocal } from "@/lib/dates";
import { SAVED_MESSAGES } from "@/lib/posts/messages";
import { getTheme } from "@/themes/registry";
import { uploadLimits } from "@/lib/media/limits";
import { PostForm } from "@/components/admin/editor/post-form";
import type { EditorInitial } from "@/components/admin/editor/types";
import type { EditorActions } from "@/lib/posts/editor-results";
import { addCategoryAction, autosavePostAction, savePostAction, trashPostAction } from "../actions";
import { previewPostAction, searchLinkTargetsAction } from "../editor-actions";
import { sanitizePastedHtmlAction } from "../paste-actions";
import { saveMediaAltAction } from "../../media/actions";
import { titleForEditing } from "@/lib/content/title";

const actions: EditorActions = {
  save: savePostAction,
  autosave: autosavePostAction,
  addCategory: addCategoryAction,
  trash: trashPostAction,
  preview: previewPostAction,
  searchLinks: searchLinkTargetsAction,
  sanitizePaste: sanitizePastedHtmlAction,
  saveMediaAlt: saveMediaAltAction,
};

function siteOffsetMinutes(timeZone: string): number {
  const now = new Date();
  now.setUTCMilliseconds(0);
  return Math.round((Date.parse(toSqlLocal(now, timeZone).replace(" ", "T") + "Z") - now.getTime()) / 60_000);
}

export async function EditorScreen({ user, type, id, saved, filtered, inReplyTo }: { user: CurrentUser; type: "post" | "page"; id?: number; saved?: string; filtered?: boolean; inReplyTo?: string }) {
  const opts = await getOptions();
  const loaded = id ? await getPostForEdit(id) : undefined;
  if (id && (!loaded || loaded.post.type !== type)) notFound();
  if (loaded && !canEditPost(user, loaded.post)) forbidden();
  const p = loaded?.post;
  if (p?.status === "trash") {
    return <p role="status" className="border-l-4 border-amber-500 bg-white p-3">This {type} is in the Trash. Restore it from the Trash view of the {type === "page" ? "Pages" : "Posts"} list to edit it.</p>;
  }
  const canEditOthers = roleCan(user.role, type === "page" ? "edit_others_pages" : "edit_others_posts");
  const initial: EditorInitial = {
    id: p?.id ?? null,
    version: p?.version ?? 0,
    status: p?.status ?? null,
    title: p ? titleForEditing(p.title) : "",
    slug: p?.slug ?? "",
    content: p?.content ?? "",
    excerpt: p?.excerpt ?? "",
    // A new post starts in the default category, as in WordPress.
    categoryIds: loaded?.categoryIds ?? (opts.default_category ? [opts.default_category] : []),
    tags: loaded?.tagNames.join(", ") ?? "",
    featuredMediaId: p?.featuredMediaId ?? null,
    commentOpen: p ? p.commentStatus === "open" : opts.default_comment_status === "open",
    pingOpen: p ? p.pingStatus === "open" : opts.default_ping_status === "open",
    toPing: p?.toPing.split("\n").join(" ") ?? "",
    visibility: p?.status === "private" ? "private" : p?.password ? "password" : "public",
    password: p?.password ?? "",
    sticky: p?.sticky ?? false,
    authorId: p?.authorId ?? user.id,
    // Drafts publish "immediately" unless a date was chosen; live posts show their date.
    date: p && ((p.status !== "draft" && p.status !== "pending") || await isDateChosen(p.id)) ? toInputValue(p.date) + p.date.slice(16, 19) : "",
    parentId: p?.parentId ?? null,
    menuOrder: p?.menuOrder ?? 0,
    inReplyTo: p ? (await getPostInReplyTo(p.id)) ?? "" : (inReplyTo ?? ""),
  };
  const live = p && (p.status === "publish" || p.status === "future" || p.status === "private");
  return (
    <PostForm
      key={`${p?.id ?? "new"}-${p?.version ?? 0}`}
      initial={initial}
      actions={actions}
      options={{
        type,
        canPublish: canPublish(user, type),
        canEditOthers,
        canManageCategories: roleCan(user.role, "manage_categories"),
        categories: flattenTree(await listCategoryOptions()).map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
        tagSuggestions: type === "post" ? await listTagNames() : [],
        authors: canEditOthers ? await listAuthorOptions() : [],
        parents: type === "page" ? flattenTree(await listParentPageOptions(p?.id)).map((x) => ({ id: x.id, title: titleText(x.title), depth: x.depth })) : [],
        images: await listPickerImages(),
        media: roleCan(user.role, "upload_files") ? uploadLimits(opts) : null,
        timeZone: opts.timezone_string,
        tzOffsetMinutes: siteOffsetMinutes(opts.timezone_string),
        permalink: p && live ? postUrl({ ...p, authorNicename: loaded!.authorNicename }, opts) : null,
        revisionsCount: p ? await countRevisions(p.id) : 0,
        autosave: p ? await getNewerAutosave(p.id, user.id) ?? null : null,
        notice: saved ? SAVED_MESSAGES[saved] ?? null : null,
        filtered: !!filtered,
        theme: getTheme(opts.template).name,
      }}
    />
  );
}
