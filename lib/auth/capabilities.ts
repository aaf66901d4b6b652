// WordPress's roles and their capabilities, as one table. Ownership rules (an author edits only
// their own posts) live in canEditPost and friends below, not in the table.
import type { Role } from "@/db/schema";

export const CAPABILITIES = [
  "read",
  "edit_posts",
  "edit_others_posts",
  "edit_published_posts",
  "publish_posts",
  "delete_posts",
  "delete_others_posts",
  "delete_published_posts",
  "read_private_posts",
  "edit_private_posts",
  "edit_pages",
  "edit_others_pages",
  "edit_published_pages",
  "publish_pages",
  "delete_pages",
  "delete_others_pages",
  "read_private_pages",
  "moderate_comments",
  "manage_categories",
  "upload_files",
  "unfiltered_html",
  "unfiltered_upload",
  "list_users",
  "create_users",
  "edit_users",
  "delete_users",
  "promote_users",
  "manage_options",
  "switch_themes",
  "edit_theme_options",
  "import",
  "export",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const subscriber: Capability[] = ["read"];
const contributor: Capability[] = [...subscriber, "edit_posts", "delete_posts"];
const author: Capability[] = [
  ...contributor,
  "upload_files",
  "publish_posts",
  "edit_published_posts",
  "delete_published_posts",
];
const editor: Capability[] = [
  ...author,
  "edit_others_posts",
  "delete_others_posts",
  "read_private_posts",
  "edit_private_posts",
  "edit_pages",
  "edit_others_pages",
  "edit_published_pages",
  "publish_pages",
  "delete_pages",
  "delete_others_pages",
  "read_private_pages",
  "moderate_comments",
  "manage_categories",
  "unfiltered_html",
];
const administrator: Capability[] = [...CAPABILITIES];

export const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  administrator: new Set(administrator),
  editor: new Set(editor),
  author: new Set(author),
  contributor: new Set(contributor),
  subscriber: new Set(subscriber),
};

export const ROLE_LABELS: Record<Role, string> = {
  administrator: "Administrator",
  editor: "Editor",
  author: "Author",
  contributor: "Contributor",
  subscriber: "Subscriber",
};

export function roleCan(role: Role, cap: Capability): boolean {
  return ROLE_CAPABILITIES[role]?.has(cap) ?? false;
}

export interface Actor {
  id: number;
  role: Role;
}

interface OwnedPost {
  authorId: number;
  status: string;
  type: "post" | "page";
  /** The status before the Trash (WordPress's _wp_trash_meta_status); null when not trashed. */
  trashedFrom: string | null;
}

/**
 * The status a post is judged by: a trashed one by the status it had, as WordPress's map_meta_cap
 * does, so that a post an editor published and then trashed stays out of its contributor's reach.
 * A trashed post whose earlier status is unknown counts as published: the stricter rule.
 */
function judgedStatus(post: OwnedPost): string {
  return post.status === "trash" ? (post.trashedFrom ?? "publish") : post.status;
}

const isPublished = (status: string) => status === "publish" || status === "future" || status === "private";

/** WordPress's map_meta_cap for edit_post: own or others', published or not, post or page. */
export function canEditPost(user: Actor, post: OwnedPost): boolean {
  const own = post.authorId === user.id;
  const status = judgedStatus(post);
  const published = isPublished(status);
  if (post.type === "page") {
    if (!roleCan(user.role, "edit_pages")) return false;
    if (!own && !roleCan(user.role, "edit_others_pages")) return false;
    return !published || roleCan(user.role, "edit_published_pages");
  }
  if (!roleCan(user.role, "edit_posts")) return false;
  if (!own && !roleCan(user.role, "edit_others_posts")) return false;
  if (status === "private" && !own) return roleCan(user.role, "edit_private_posts");
  return !published || roleCan(user.role, "edit_published_posts");
}

export function canDeletePost(user: Actor, post: OwnedPost): boolean {
  const own = post.authorId === user.id;
  const published = isPublished(judgedStatus(post));
  if (post.type === "page") {
    if (!roleCan(user.role, "delete_pages")) return false;
    return own || roleCan(user.role, "delete_others_pages");
  }
  if (!roleCan(user.role, "delete_posts")) return false;
  if (!own && !roleCan(user.role, "delete_others_posts")) return false;
  return !published || roleCan(user.role, "delete_published_posts");
}

export function canPublish(user: Actor, type: "post" | "page"): boolean {
  return roleCan(user.role, type === "page" ? "publish_pages" : "publish_posts");
}

/**
 * May this reader see this post on the public site at all? The one rule every public surface
 * (pages and their metadata, plain-URL redirects, the password form, comments) asks: published
 * posts to everyone, private ones as canReadPrivate says, nothing else. A post it refuses must
 * answer exactly as a missing one.
 */
export function canReadPost(user: Actor | null, post: { authorId: number; status: string; type: string }): boolean {
  if (post.type !== "post" && post.type !== "page") return false;
  if (post.status === "publish") return true;
  return post.status === "private" && canReadPrivate(user, { authorId: post.authorId, status: post.status, type: post.type });
}

/** Private posts are readable by their author and by those who may read others' private posts. */
export function canReadPrivate(user: Actor | null, post: Pick<OwnedPost, "authorId" | "type"> & { status?: string }): boolean {
  if (!user) return false;
  if (post.authorId === user.id) return true;
  return roleCan(user.role, post.type === "page" ? "read_private_pages" : "read_private_posts");
}
