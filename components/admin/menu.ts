import type { Capability } from "@/lib/auth/capabilities";

export interface AdminMenuItem {
  label: string;
  href: string;
  cap: Capability;
  /** A count shown beside the label, WordPress's awaiting-moderation bubble. */
  badge?: "pending_comments";
}

/** The admin menu's element id (WordPress's too): the phone's Menu toggle opens it, or links to it. */
export const ADMIN_MENU_ID = "adminmenu";

// WordPress's admin menu, each item shown only to roles that may use it.
export const ADMIN_MENU: AdminMenuItem[] = [
  { label: "Dashboard", href: "/admin/", cap: "read" },
  { label: "Posts", href: "/admin/posts/", cap: "edit_posts" },
  { label: "Categories", href: "/admin/categories/", cap: "manage_categories" },
  { label: "Tags", href: "/admin/tags/", cap: "manage_categories" },
  { label: "Media", href: "/admin/media/", cap: "upload_files" },
  { label: "Pages", href: "/admin/pages/", cap: "edit_pages" },
  { label: "Comments", href: "/admin/comments/", cap: "edit_posts", badge: "pending_comments" },
  { label: "Appearance", href: "/admin/appearance/", cap: "switch_themes" },
  { label: "Users", href: "/admin/users/", cap: "list_users" },
  // WordPress's ActivityPub plugin adds Followers under Users: the blog's to managers, an author's own to them.
  { label: "Followers", href: "/admin/users/followers/", cap: "publish_posts" },
  // …and Following and its Reader: the posts of the accounts the blog follows.
  { label: "Following", href: "/admin/users/following/", cap: "manage_options" },
  { label: "Reader", href: "/admin/reader/", cap: "manage_options" },
  { label: "Tools", href: "/admin/tools/", cap: "import" },
  { label: "Settings", href: "/admin/settings/", cap: "manage_options" },
  { label: "Profile", href: "/admin/profile/", cap: "read" },
];
