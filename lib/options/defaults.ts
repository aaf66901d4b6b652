// Settings with WordPress's names and defaults (see shared/WORDPRESS.md). Only changed values are
// stored; everything else reads from here, so a new setting needs no migration.
export const OPTION_DEFAULTS = {
  // General
  blogname: "Inkwell",
  blogdescription: "Just another Inkwell site",
  admin_email: "",
  siteurl: "",
  timezone_string: "UTC",
  date_format: "F j, Y",
  time_format: "g:i a",
  start_of_week: 1,
  users_can_register: false,
  /** Site Language: a locale such as "de_DE"; "" is WordPress's default, en_US. */
  WPLANG: "",
  default_role: "subscriber" as "administrator" | "editor" | "author" | "contributor" | "subscriber",
  // Reading
  posts_per_page: 10,
  posts_per_rss: 10,
  rss_use_excerpt: false,
  show_on_front: "posts" as "posts" | "page",
  page_on_front: 0,
  page_for_posts: 0,
  blog_public: true,
  // Discussion
  default_comment_status: "open" as "open" | "closed",
  default_ping_status: "open" as "open" | "closed",
  default_pingback_flag: true,
  require_name_email: true,
  comment_registration: false,
  close_comments_for_old_posts: false,
  close_comments_days_old: 14,
  show_comments_cookies_opt_in: true,
  thread_comments: true,
  thread_comments_depth: 5,
  page_comments: false,
  comments_per_page: 50,
  default_comments_page: "newest" as "newest" | "oldest",
  comment_order: "asc" as "asc" | "desc",
  comments_notify: true,
  moderation_notify: true,
  comment_moderation: false,
  comment_previously_approved: true,
  comment_max_links: 2,
  moderation_keys: "",
  disallowed_keys: "",
  show_avatars: true,
  avatar_rating: "G",
  avatar_default: "identicon",
  use_gravatar: false,
  default_category: 0,
  /**
   * The fediverse (ActivityPub): the blog's handle, @handle@host ("": the site's host without
   * "www.", as WordPress's ActivityPub plugin names its blog profile), and whether follow
   * requests wait for approval (Users → Followers) instead of being accepted at once.
   */
  activitypub_blog_identifier: "",
  activitypub_manually_approve_followers: false,
  /** Fediverse blocks (Settings → Discussion): servers, one domain a line; actors, one handle or address a line (WordPress's plugin's names). */
  activitypub_site_blocked_domains: "",
  activitypub_site_blocked_actors: "",
  /** How a post goes out to followers: "article" (the whole post) or "note" (title, excerpt, link). */
  activitypub_object_type: "article" as "article" | "note",
  /**
   * Which fediverse profiles exist (WordPress's plugin's Actor mode): "blog" the blog only,
   * "actor" authors only (each who enables it on Profile), "actor_blog" both. The plugin's
   * default is "actor", but its own migration keeps "actor_blog" for a site whose blog profile
   * was on, which every Inkwell site's is: so both, and the blog's followers keep their feed.
   */
  activitypub_actor_mode: "actor_blog" as "blog" | "actor" | "actor_blog",
  /**
   * Moving (lib/federation/move.ts): the blog actor's earlier addresses (alsoKnownAs, one actor
   * URL a line), which lets a Move from them to this blog be accepted; and the actor this blog
   * has moved to (movedTo), set by `inkwell fediverse move`.
   */
  activitypub_also_known_as: "",
  activitypub_moved_to: "",
  // Writing → Remote Publishing: the XML-RPC publishing methods (pingbacks stay on) and Micropub.
  enable_xmlrpc: true,
  enable_micropub: true,
  /** IndieAuth access tokens this site issued, by their SHA-256 (the token itself is never kept). */
  indieauth_tokens: [] as IndieAuthToken[],
  // Permalinks
  permalink_structure: "/%year%/%monthnum%/%day%/%postname%/",
  category_base: "category",
  tag_base: "tag",
  // Appearance
  template: "classic",
  sidebar_widgets: ["search", "recent-posts", "recent-comments", "archives", "categories", "meta"] as string[],
  /** Theme location ("header", "footer", "social") → menu id, as WordPress's theme_mod of that name. */
  nav_menu_locations: {} as Record<string, number>,
  /** The Navigation Menu widget's menu (0: none chosen) and title. */
  widget_nav_menu: { menuId: 0, title: "" } as { menuId: number; title: string },
  // Appearance → Customize (lib/identity/): media ids (0: none), as WordPress's custom_logo,
  // site_icon and header image; the accent "#rrggbb" and a FONT_PAIRINGS key ("": the theme's own).
  custom_logo: 0,
  site_icon: 0,
  header_image: 0,
  accent_color: "",
  font_pairing: "",
  /** The Text, Custom HTML, Pages, Calendar and Image widgets, under WordPress's option names. */
  widget_text: { title: "", content: "" } as { title: string; content: string },
  widget_custom_html: { title: "", content: "" } as { title: string; content: string },
  widget_pages: { title: "", sortby: "post_title", exclude: [] } as { title: string; sortby: "post_title" | "menu_order" | "ID"; exclude: number[] },
  widget_calendar: { title: "" } as { title: string },
  widget_media_image: { title: "", mediaId: 0, alt: "", caption: "", link: "none", url: "" } as { title: string; mediaId: number; alt: string; caption: string; link: "none" | "file" | "custom"; url: string },
  // Linkbacks
  outbound_allow_hosts: "",
  ping_self: false,
  // Origins of embeds found by oEmbed discovery (lib/oembed/cache.ts), allowed in readers' frame-src.
  oembed_frame_hosts: "",
  // Media
  upload_max_bytes: 10 * 1024 * 1024,
  // Besides JPEG, PNG, GIF and WebP: extensions such as "pdf, mp3" (checked from the bytes too).
  upload_extra_types: "",
  uploads_use_yearmonth_folders: true,
};

export type Options = typeof OPTION_DEFAULTS;
export interface IndieAuthToken {
  id: string;
  hash: string;
  userId: number;
  clientId: string;
  scope: string[];
  createdGmt: string;
}
export type OptionName = keyof Options;
