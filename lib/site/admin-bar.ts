// What the admin bar offers a signed-in user on a reader's page, WordPress's wp_admin_bar:
// the site's Dashboard, "+ New" by capability, "Edit Post/Page" or "Edit Category/Tag" for the
// page being read when this user may edit it, comments awaiting moderation, and the user menu.
// Computed per request for that user only (app/api/admin-bar), never part of a cached page.
import { countPendingComments } from "@/db/queries/comment-admin";
import { canEditPost, roleCan, type Actor } from "@/lib/auth/capabilities";
import { resolveQuery, resolveSegments } from "./resolve-path";

export interface AdminBarLink {
  label: string;
  url: string;
}

export interface AdminBarData {
  site: AdminBarLink;
  newItems: AdminBarLink[];
  edit?: AdminBarLink;
  /** Comments awaiting moderation, for users who moderate. */
  pending?: { count: number; url: string };
  user: { name: string; profileUrl: string };
}

export async function adminBarFor(user: Actor & { displayName: string }, siteName: string, path: string): Promise<AdminBarData> {
  const can = (cap: Parameters<typeof roleCan>[1]) => roleCan(user.role, cap);
  const newItems: AdminBarLink[] = [];
  if (can("edit_posts")) newItems.push({ label: "Post", url: "/admin/posts/new/" });
  if (can("upload_files")) newItems.push({ label: "Media", url: "/admin/media/" });
  if (can("edit_pages")) newItems.push({ label: "Page", url: "/admin/pages/new/" });
  if (can("create_users")) newItems.push({ label: "User", url: "/admin/users/new/" });
  return {
    site: { label: siteName || "Site", url: "/admin/" },
    newItems,
    edit: await editLinkFor(user, path),
    pending: can("moderate_comments") ? { count: await countPendingComments(), url: "/admin/comments/?comment_status=moderated" } : undefined,
    user: { name: user.displayName, profileUrl: "/admin/profile/" },
  };
}

/** The edit link for the page at `path` (a same-origin path with its query), if this user may edit what it shows. */
export async function editLinkFor(user: Actor, path: string): Promise<AdminBarLink | undefined> {
  let url: URL;
  try {
    url = new URL(path, "http://site.invalid");
  } catch {
    return undefined;
  }
  if (url.origin !== "http://site.invalid") return undefined;
  const query = Object.fromEntries(url.searchParams);
  const segments = url.pathname.split("/").filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const route = segments.length === 0 && Object.keys(query).length ? await resolveQuery(query, user) : await resolveSegments(segments, query, user);
  if (route?.kind === "single") {
    const p = route.post;
    if (!canEditPost(user, { ...p, type: p.type === "page" ? "page" : "post", trashedFrom: null })) return undefined;
    return p.type === "page" ? { label: "Edit Page", url: `/admin/pages/${p.id}/` } : { label: "Edit Post", url: `/admin/posts/${p.id}/` };
  }
  if (route?.kind === "listing" && (route.listing.type === "category" || route.listing.type === "tag") && route.listing.filter?.kind === "terms") {
    const termId = route.listing.filter.termIds[0];
    if (!termId || !roleCan(user.role, "manage_categories")) return undefined;
    return route.listing.type === "category" ? { label: "Edit Category", url: `/admin/categories/${termId}/` } : { label: "Edit Tag", url: `/admin/tags/${termId}/` };
  }
  return undefined;
}
