// Every table of Inkwell. Names and values follow WordPress (post_status, comment_approved,
// post_tag, ...) so that WXR files and a WordPress user's habits map one to one.
// Dates are stored as WordPress stores them: "YYYY-MM-DD HH:MM:SS" text, `date` in the site's
// time zone and `dateGmt` in UTC. The text sorts like the time it names, so indexes work on it.
import { sql } from "drizzle-orm";
import {
  sqliteTable,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

export const ROLES = ["administrator", "editor", "author", "contributor", "subscriber"] as const;
export type Role = (typeof ROLES)[number];

export const POST_TYPES = ["post", "page"] as const;
export type PostType = (typeof POST_TYPES)[number];

export const POST_STATUSES = ["publish", "future", "draft", "pending", "private", "trash"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const COMMENT_TYPES = ["comment", "trackback", "pingback", "webmention"] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];

// comment_approved in WordPress: "0" held, "1" approved, then spam, trash, post-trashed.
export const COMMENT_STATUSES = ["0", "1", "spam", "trash", "post-trashed"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const TAXONOMIES = ["category", "post_tag"] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

const now = sql`(strftime('%Y-%m-%d %H:%M:%S', 'now'))`;

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    login: text("login").notNull(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    nicename: text("nicename").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("subscriber"),
    url: text("url").notNull().default(""),
    bio: text("bio").notNull().default(""),
    registeredGmt: text("registered_gmt").notNull().default(now),
    // Raised by "Log Out Everywhere Else": a session token is good only for the password hash and
    // the epoch it was signed in with (lib/auth/password-stamp.ts).
    sessionEpoch: integer("session_epoch").notNull().default(0),
    // Profile → "Enable fediverse profile": the user is an ActivityPub actor of their own
    // (lib/federation/authors.ts), as WordPress's ActivityPub plugin lets authors opt in.
    fediverse: integer("fediverse", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("users_login_unique").on(sql`lower(${t.login})`),
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    uniqueIndex("users_nicename_unique").on(t.nicename),
  ],
);

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type", { enum: POST_TYPES }).notNull().default("post"),
    status: text("status", { enum: POST_STATUSES }).notNull().default("draft"),
    title: text("title").notNull().default(""),
    slug: text("slug").notNull(),
    content: text("content").notNull().default(""),
    excerpt: text("excerpt").notNull().default(""),
    password: text("password").notNull().default(""),
    parentId: integer("parent_id").references((): AnySQLiteColumn => posts.id, { onDelete: "set null" }),
    menuOrder: integer("menu_order").notNull().default(0),
    sticky: integer("sticky", { mode: "boolean" }).notNull().default(false),
    commentStatus: text("comment_status", { enum: ["open", "closed"] }).notNull().default("open"),
    pingStatus: text("ping_status", { enum: ["open", "closed"] }).notNull().default("open"),
    toPing: text("to_ping").notNull().default(""),
    pinged: text("pinged").notNull().default(""),
    authorId: integer("author_id").notNull().references(() => users.id),
    featuredMediaId: integer("featured_media_id"),
    // Before trashing, the status to restore to (WordPress keeps _wp_trash_meta_status).
    trashedFrom: text("trashed_from", { enum: POST_STATUSES }),
    date: text("date").notNull(),
    dateGmt: text("date_gmt").notNull(),
    modified: text("modified").notNull(),
    modifiedGmt: text("modified_gmt").notNull(),
    // Approved comments (all types), kept by the comment queries, as WordPress's comment_count.
    commentCount: integer("comment_count").notNull().default(0),
    // Optimistic locking for the editor: each save increments it.
    version: integer("version").notNull().default(1),
    guid: text("guid").notNull().default(""),
  },
  (t) => [
    uniqueIndex("posts_type_slug_unique").on(t.type, t.slug),
    index("posts_type_status_date").on(t.type, t.status, t.dateGmt),
    index("posts_author_type_status_date").on(t.authorId, t.type, t.status, t.dateGmt),
    index("posts_parent").on(t.parentId, t.menuOrder),
    index("posts_sticky").on(t.sticky, t.type, t.status),
    index("posts_status_date").on(t.status, t.dateGmt),
  ],
);

export const postMeta = sqliteTable(
  "post_meta",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: text("value").notNull().default(""),
  },
  (t) => [index("post_meta_post_key").on(t.postId, t.key), index("post_meta_key_value").on(t.key, t.value)],
);

export const terms = sqliteTable(
  "terms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taxonomy: text("taxonomy", { enum: TAXONOMIES }).notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    parentId: integer("parent_id").references((): AnySQLiteColumn => terms.id, { onDelete: "set null" }),
    // Published posts in this term, kept by the term queries, as WordPress's term_taxonomy.count.
    count: integer("count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("terms_taxonomy_slug_unique").on(t.taxonomy, t.slug),
    index("terms_taxonomy_parent").on(t.taxonomy, t.parentId),
    index("terms_taxonomy_count").on(t.taxonomy, t.count),
  ],
);

export const postTerms = sqliteTable(
  "post_terms",
  {
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    termId: integer("term_id").notNull().references(() => terms.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.termId] }), index("post_terms_term_post").on(t.termId, t.postId)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "set null" }),
    type: text("type", { enum: COMMENT_TYPES }).notNull().default("comment"),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("0"),
    authorName: text("author_name").notNull().default(""),
    authorEmail: text("author_email").notNull().default(""),
    authorUrl: text("author_url").notNull().default(""),
    authorIp: text("author_ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    content: text("content").notNull().default(""),
    date: text("date").notNull(),
    dateGmt: text("date_gmt").notNull(),
    // Where a held comment came from: lets its author see it, by cookie, before approval.
    authorToken: text("author_token"),
    // A reply from the fediverse (lib/federation/replies.ts): its ActivityPub object id, the actor
    // who wrote it (only they may edit or delete it) and their avatar copied into our uploads.
    remoteId: text("remote_id"),
    remoteActor: text("remote_actor"),
    avatarUrl: text("avatar_url"),
  },
  (t) => [
    index("comments_post_status_date").on(t.postId, t.status, t.dateGmt),
    index("comments_status_date").on(t.status, t.dateGmt),
    index("comments_parent").on(t.parentId),
    index("comments_email_status").on(t.authorEmail, t.status),
    index("comments_ip_date").on(t.authorIp, t.dateGmt),
    index("comments_email_date").on(t.authorEmail, t.dateGmt),
    index("comments_user").on(t.userId),
    index("comments_post_author_url").on(t.postId, t.authorUrl),
    uniqueIndex("comments_remote_id").on(t.remoteId),
    index("comments_remote_actor").on(t.remoteActor, t.status),
  ],
);

export const commentMeta = sqliteTable(
  "comment_meta",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id").notNull().references(() => comments.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: text("value").notNull().default(""),
  },
  (t) => [index("comment_meta_comment_key").on(t.commentId, t.key), index("comment_meta_key_value").on(t.key, t.value)],
);

// Typed settings; the defaults (WordPress's) live in lib/options/defaults.ts, only changes are rows.
export const options = sqliteTable("options", {
  name: text("name").primaryKey(),
  value: text("value").notNull(), // JSON
});

export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["revision", "autosave"] }).notNull().default("revision"),
    title: text("title").notNull().default(""),
    content: text("content").notNull().default(""),
    excerpt: text("excerpt").notNull().default(""),
    createdGmt: text("created_gmt").notNull().default(now),
  },
  (t) => [index("revisions_post_kind_created").on(t.postId, t.kind, t.createdGmt)],
);

export const media = sqliteTable(
  "media",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    postId: integer("post_id").references(() => posts.id, { onDelete: "set null" }),
    // Relative to the uploads folder: "2026/11/photo.jpg"; empty for an imported, unfetched file.
    path: text("path").notNull().default(""),
    originalUrl: text("original_url").notNull().default(""),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull().default(0),
    width: integer("width"),
    height: integer("height"),
    title: text("title").notNull().default(""),
    alt: text("alt").notNull().default(""),
    caption: text("caption").notNull().default(""),
    sizes: text("sizes").notNull().default("{}"), // JSON: { thumbnail: { path, width, height }, ... }
    createdGmt: text("created_gmt").notNull().default(now),
  },
  (t) => [index("media_post").on(t.postId), index("media_created").on(t.createdGmt), index("media_original_url").on(t.originalUrl)],
);

// Outbound linkbacks: one row per post and target URL, with its latest result for the editor.
export const pings = sqliteTable(
  "pings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    protocol: text("protocol", { enum: ["trackback", "pingback", "webmention", "none"] }).notNull(),
    status: text("status", { enum: ["queued", "sent", "failed", "no-endpoint"] }).notNull().default("queued"),
    message: text("message").notNull().default(""),
    updatedGmt: text("updated_gmt").notNull().default(now),
  },
  (t) => [uniqueIndex("pings_post_url_protocol").on(t.postId, t.url, t.protocol)],
);

// A durable job queue: claimed with one UPDATE ... RETURNING, retried with backoff.
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type").notNull(),
    payload: text("payload").notNull().default("{}"),
    status: text("status", { enum: ["queued", "running", "done", "failed"] }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    runAt: integer("run_at").notNull(), // epoch ms
    lockedUntil: integer("locked_until"),
    lastError: text("last_error").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("jobs_status_run_at").on(t.status, t.runAt)],
);

// Dashboard notifications (new comment, comment awaiting moderation), per recipient.
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    link: text("link").notNull().default(""),
    readAt: text("read_at"),
    createdGmt: text("created_gmt").notNull().default(now),
  },
  (t) => [index("notifications_user_created").on(t.userId, t.createdGmt)],
);

// rate-limiter-flexible's RateLimiterSQLite table, declared here so migrations own it.
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});

// Sessions ended by Log Out before their token expired (lib/auth/session-revocation.ts). A row lives
// until every copy of that token would have expired anyway (expires_at, Unix seconds), then goes.
export const revokedSessions = sqliteTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("revoked_sessions_expires_at").on(t.expiresAt)],
);

// WordPress's user_activation_key, in its own table: the live password reset link of a user (one
// at a time; a new request replaces it). Only a hash of the link's key is kept, with a stamp of the
// password hash it was issued against, so any new password voids it (lib/auth/password-reset.ts).
export const passwordResets = sqliteTable("password_resets", {
  userId: integer("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  keyHash: text("key_hash").notNull(),
  passwordStamp: text("password_stamp").notNull(),
  expiresAt: integer("expires_at").notNull(), // epoch ms
});

// One row, one number: SQLite triggers (drizzle/0002) add one whenever a write changes something
// a reader can see (a published post, an approved comment, a term, a setting, a user's name).
// The read and page caches compare it per request; a pending comment, a draft's autosave or a
// rate-limit row leaves it, and so the cached pages, alone.
export const contentVersion = sqliteTable("content_version", {
  id: integer("id").primaryKey(),
  n: integer("n").notNull().default(0),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type Term = typeof terms.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type Media = typeof media.$inferSelect;
export type Revision = typeof revisions.$inferSelect;
export type Job = typeof jobs.$inferSelect;

// Appearance → Menus: WordPress keeps a menu as a nav_menu term and its items as nav_menu_item
// posts with _menu_item_* meta; Inkwell keeps them in two tables of their own, so that menu items
// never leak into post listings, search, feeds or the sitemap. `type`/`object`/`objectId` are
// WordPress's _menu_item_type/_menu_item_object/_menu_item_object_id (a WXR maps one to one).
// Which menu sits in which theme location is the option `nav_menu_locations`.
export const menus = sqliteTable("menus", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
});

export const MENU_ITEM_TYPES = ["post_type", "taxonomy", "custom"] as const;
export type MenuItemType = (typeof MENU_ITEM_TYPES)[number];

export const menuItems = sqliteTable(
  "menu_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    menuId: integer("menu_id").notNull().references(() => menus.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => menuItems.id, { onDelete: "set null" }),
    /** Order among all items of the menu (WordPress's menu_order), 1-based, depth-first. */
    position: integer("position").notNull().default(0),
    type: text("type", { enum: MENU_ITEM_TYPES }).notNull(),
    /** "page", "post", "category", "post_tag", or "custom". */
    object: text("object").notNull(),
    objectId: integer("object_id"),
    /** The navigation label; "" means the linked post's or term's own title. */
    title: text("title").notNull().default(""),
    url: text("url").notNull().default(""),
    /** "_blank" to open in a new tab, else "". */
    target: text("target").notNull().default(""),
    classes: text("classes").notNull().default(""),
  },
  (t) => [index("menu_items_menu").on(t.menuId, t.position)],
);

export type Menu = typeof menus.$inferSelect;
export type MenuItem = typeof menuItems.$inferSelect;

// Profile → Application Passwords (WordPress 5.6+ keeps them in the _application_passwords user
// meta): what a writing app signs in to the REST API with, by HTTP Basic. Only a SHA-256 of the
// generated 24-character password is kept (it has ~142 bits of entropy, so a slow hash would
// only slow every API request; WordPress 6.8 made the same choice). lib/auth/app-passwords.ts.
export const applicationPasswords = sqliteTable(
  "application_passwords",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uuid: text("uuid").notNull().unique(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The app's own UUID when it asked through authorize-application.php, else "". */
    appId: text("app_id").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    createdGmt: text("created_gmt").notNull(),
    lastUsedGmt: text("last_used_gmt"),
    lastIp: text("last_ip"),
  },
  (t) => [index("application_passwords_user").on(t.userId)],
);
export type ApplicationPassword = typeof applicationPasswords.$inferSelect;

// Tools → Import: each import's state, so that its progress page can be polled through any server
// process (lib/admin/import-jobs.ts). `parsed` holds the read file while its authors wait to be
// assigned, so that the author form can be sent to any process too; it is emptied once taken.
export const importJobs = sqliteTable("import_jobs", {
  id: text("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  state: text("state").notNull(),
  startedAt: integer("started_at").notNull(), // epoch ms
  endedAt: integer("ended_at"),
  updatedAt: integer("updated_at").notNull(),
});

// The read export of a job that waits for its authors (JSON, as large as the file), in a table of its
// own: SQLite rewrites a whole row on any update, so while the file sat in import_jobs every save of
// the job's progress rewrote 100 MB on the thread that serves readers (270 ms each).
export const importJobFiles = sqliteTable("import_job_files", {
  jobId: text("job_id").primaryKey().references(() => importJobs.id, { onDelete: "cascade" }),
  parsed: text("parsed").notNull(),
});

// oEmbed answers the REST proxy (/wp-json/oembed/1.0/proxy) fetched for the editor, as WordPress
// keeps them in transients (oembed_<md5 of the arguments>): not tied to a post, and not content
// readers see, so writing one moves no content version. A row past expires_at is fetched again.
export const oembedCache = sqliteTable("oembed_cache", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at").notNull(), // epoch ms
});

// ActivityPub (lib/federation/): Fedify's key–value store (cached remote documents and keys,
// idempotency marks), as JSON text; a row past expires_at is as good as gone.
export const federationKv = sqliteTable("federation_kv", {
  key: text("key").primaryKey(), // the KvKey's parts joined by \u001f, so a prefix is a string prefix
  value: text("value").notNull(),
  expiresAt: integer("expires_at"), // epoch ms; null: kept until deleted
});

// The blog actor's key pairs (RSA for HTTP Signatures, Ed25519 for Object Integrity Proofs), made
// once at the first federation request. The private halves are read only by the signing code.
export const federationKeys = sqliteTable("federation_keys", {
  actor: text("actor").notNull(),
  algorithm: text("algorithm", { enum: ["RSASSA-PKCS1-v1_5", "Ed25519"] }).notNull(),
  privateKey: text("private_key").notNull(), // JWK
  publicKey: text("public_key").notNull(), // JWK
  createdAt: integer("created_at").notNull(),
}, (t) => [primaryKey({ columns: [t.actor, t.algorithm] })]);

// Who follows the blog: accepted followers, requests held for approval (pending, with the Follow
// to accept later) and blocked actors, whose Follow is refused.
export const FOLLOWER_STATUSES = ["accepted", "pending", "blocked"] as const;
export const federationFollowers = sqliteTable(
  "federation_followers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id").notNull(),
    inbox: text("inbox").notNull(),
    sharedInbox: text("shared_inbox"),
    handle: text("handle").notNull(), // @user@server
    name: text("name").notNull().default(""),
    url: text("url"),
    server: text("server").notNull(),
    status: text("status", { enum: FOLLOWER_STATUSES }).notNull(),
    followId: text("follow_id"), // the Follow activity's id, for an Accept/Reject sent later
    createdAt: integer("created_at").notNull(), // epoch ms
    // Whom they follow: "blog", or an author's user id (lib/federation/authors.ts).
    followed: text("followed").notNull().default("blog"),
  },
  (t) => [uniqueIndex("federation_followers_followed_actor").on(t.followed, t.actorId), index("federation_followers_followed_status").on(t.followed, t.status, t.id), index("federation_followers_actor_id").on(t.actorId)],
);
export type FederationFollower = typeof federationFollowers.$inferSelect;

// Likes and boosts (Announce) of a post from the fediverse: one per actor, kind and post, so a
// repeated Like counts once; the activity's id lets Undo take it back.
export const FEDERATION_REACTIONS = ["like", "announce"] as const;
export const federationReactions = sqliteTable(
  "federation_reactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: FEDERATION_REACTIONS }).notNull(),
    actorId: text("actor_id").notNull(),
    activityId: text("activity_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("federation_reactions_one").on(t.postId, t.kind, t.actorId), index("federation_reactions_activity").on(t.activityId)],
);
// What became of each activity sent to each inbox (a post's Create/Update/Delete, a reply): the
// post's delivery results in the admin, beside its pings. One row per activity and inbox, updated
// as the job queue tries it; post_id is null for activities that are not a post's.
export const DELIVERY_STATUSES = ["queued", "delivered", "failed", "paused"] as const;
export const federationDeliveries = sqliteTable(
  "federation_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").references(() => posts.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    activityType: text("activity_type").notNull(),
    inbox: text("inbox").notNull(),
    host: text("host").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    error: text("error").notNull().default(""),
    attempts: integer("attempts").notNull().default(0),
    updatedAt: integer("updated_at").notNull(), // epoch ms
  },
  (t) => [uniqueIndex("federation_deliveries_activity_inbox").on(t.activityId, t.inbox), index("federation_deliveries_post").on(t.postId, t.updatedAt)],
);
export type FederationDelivery = typeof federationDeliveries.$inferSelect;

// --- Following: accounts a local actor (the blog; authors later) follows, and their posts -------
// (lib/federation/following.ts). `local_actor` is the follower's identifier here ("blog").
export const FOLLOWING_STATUSES = ["pending", "accepted"] as const;
export const federationFollowing = sqliteTable(
  "federation_following",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    localActor: text("local_actor").notNull().default("blog"),
    actorId: text("actor_id").notNull(),
    inbox: text("inbox").notNull(),
    sharedInbox: text("shared_inbox"),
    handle: text("handle").notNull(), // @user@server
    name: text("name").notNull().default(""),
    url: text("url"),
    server: text("server").notNull(),
    status: text("status", { enum: FOLLOWING_STATUSES }).notNull(),
    followId: text("follow_id").notNull(), // our Follow's id: Accept/Reject and Undo name it
    createdAt: integer("created_at").notNull(), // epoch ms
  },
  (t) => [uniqueIndex("federation_following_actor").on(t.localActor, t.actorId), index("federation_following_status").on(t.localActor, t.status, t.id)],
);
export type FederationFollowing = typeof federationFollowing.$inferSelect;

// The Reader: posts (Create of a Note or Article) from followed accounts, sanitized, a bounded
// number per local actor; `like_id` is the id of the Like this site sent for it, if any.
export const federationReader = sqliteTable(
  "federation_reader",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    localActor: text("local_actor").notNull().default("blog"),
    objectId: text("object_id").notNull(),
    actorId: text("actor_id").notNull(),
    authorName: text("author_name").notNull().default(""),
    authorHandle: text("author_handle").notNull(),
    authorUrl: text("author_url"),
    url: text("url").notNull(), // the original, for a browser
    title: text("title").notNull().default(""),
    content: text("content").notNull(),
    published: integer("published").notNull(), // epoch ms
    updatedAt: integer("updated_at"),
    likeId: text("like_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("federation_reader_object").on(t.localActor, t.objectId), index("federation_reader_published").on(t.localActor, t.published)],
);
export type FederationReaderItem = typeof federationReader.$inferSelect;
