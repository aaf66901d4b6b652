// Every table of Inkwell for PostgreSQL: the same tables, columns, defaults, indexes and
// constraints as db/schema.ts (SQLite), column for column, so that one set of queries serves both
// engines. tests/unit/db/engines-schema.test.ts compares the two and fails when they drift.
// Differences are only where the engines differ: booleans are `boolean`, epoch-millisecond numbers
// are `bigint` (they pass 2^31), ids are identity columns, and the "now" default is spelled in
// PostgreSQL. Dates stay WordPress's "YYYY-MM-DD HH:MM:SS" text, as on SQLite.
import { sql } from "drizzle-orm";
import {
  pgTable,
  integer,
  bigint,
  boolean,
  text,
  index,
  uniqueIndex,
  primaryKey,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { ROLES, POST_TYPES, POST_STATUSES, COMMENT_TYPES, COMMENT_STATUSES, TAXONOMIES, MENU_ITEM_TYPES, FOLLOWER_STATUSES, FEDERATION_REACTIONS, DELIVERY_STATUSES, FOLLOWING_STATUSES } from "./schema";

const now = sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;
const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();
// Numbers that can pass 2^31: epoch milliseconds, byte sizes, counters.
const big = (name: string) => bigint(name, { mode: "number" });

export const users = pgTable(
  "users",
  {
    id: id(),
    login: text("login").notNull(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    nicename: text("nicename").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("subscriber"),
    url: text("url").notNull().default(""),
    bio: text("bio").notNull().default(""),
    registeredGmt: text("registered_gmt").notNull().default(now),
    sessionEpoch: integer("session_epoch").notNull().default(0),
    fediverse: boolean("fediverse").notNull().default(false),
  },
  (t) => [
    uniqueIndex("users_login_unique").on(sql`lower(${t.login})`),
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    uniqueIndex("users_nicename_unique").on(t.nicename),
  ],
);

export const posts = pgTable(
  "posts",
  {
    id: id(),
    type: text("type", { enum: POST_TYPES }).notNull().default("post"),
    status: text("status", { enum: POST_STATUSES }).notNull().default("draft"),
    title: text("title").notNull().default(""),
    slug: text("slug").notNull(),
    content: text("content").notNull().default(""),
    excerpt: text("excerpt").notNull().default(""),
    password: text("password").notNull().default(""),
    parentId: integer("parent_id").references((): AnyPgColumn => posts.id, { onDelete: "set null" }),
    menuOrder: integer("menu_order").notNull().default(0),
    sticky: boolean("sticky").notNull().default(false),
    commentStatus: text("comment_status", { enum: ["open", "closed"] }).notNull().default("open"),
    pingStatus: text("ping_status", { enum: ["open", "closed"] }).notNull().default("open"),
    toPing: text("to_ping").notNull().default(""),
    pinged: text("pinged").notNull().default(""),
    authorId: integer("author_id").notNull().references(() => users.id),
    featuredMediaId: integer("featured_media_id"),
    trashedFrom: text("trashed_from", { enum: POST_STATUSES }),
    date: text("date").notNull(),
    dateGmt: text("date_gmt").notNull(),
    modified: text("modified").notNull(),
    modifiedGmt: text("modified_gmt").notNull(),
    commentCount: integer("comment_count").notNull().default(0),
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

export const postMeta = pgTable(
  "post_meta",
  {
    id: id(),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: text("value").notNull().default(""),
  },
  (t) => [index("post_meta_post_key").on(t.postId, t.key), index("post_meta_key_value").using("hash", t.value)],
);

export const terms = pgTable(
  "terms",
  {
    id: id(),
    taxonomy: text("taxonomy", { enum: TAXONOMIES }).notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    parentId: integer("parent_id").references((): AnyPgColumn => terms.id, { onDelete: "set null" }),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("terms_taxonomy_slug_unique").on(t.taxonomy, t.slug),
    index("terms_taxonomy_parent").on(t.taxonomy, t.parentId),
    index("terms_taxonomy_count").on(t.taxonomy, t.count),
  ],
);

export const postTerms = pgTable(
  "post_terms",
  {
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    termId: integer("term_id").notNull().references(() => terms.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.termId] }), index("post_terms_term_post").on(t.termId, t.postId)],
);

export const comments = pgTable(
  "comments",
  {
    id: id(),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "set null" }),
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

export const commentMeta = pgTable(
  "comment_meta",
  {
    id: id(),
    commentId: integer("comment_id").notNull().references(() => comments.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: text("value").notNull().default(""),
  },
  (t) => [index("comment_meta_comment_key").on(t.commentId, t.key), index("comment_meta_key_value").using("hash", t.value)],
);

export const options = pgTable("options", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});

export const revisions = pgTable(
  "revisions",
  {
    id: id(),
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

export const media = pgTable(
  "media",
  {
    id: id(),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    postId: integer("post_id").references(() => posts.id, { onDelete: "set null" }),
    path: text("path").notNull().default(""),
    originalUrl: text("original_url").notNull().default(""),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: big("size").notNull().default(0),
    width: integer("width"),
    height: integer("height"),
    title: text("title").notNull().default(""),
    alt: text("alt").notNull().default(""),
    caption: text("caption").notNull().default(""),
    sizes: text("sizes").notNull().default("{}"),
    createdGmt: text("created_gmt").notNull().default(now),
  },
  (t) => [index("media_post").on(t.postId), index("media_created").on(t.createdGmt), index("media_original_url").on(t.originalUrl)],
);

export const pings = pgTable(
  "pings",
  {
    id: id(),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    protocol: text("protocol", { enum: ["trackback", "pingback", "webmention", "none"] }).notNull(),
    status: text("status", { enum: ["queued", "sent", "failed", "no-endpoint"] }).notNull().default("queued"),
    message: text("message").notNull().default(""),
    updatedGmt: text("updated_gmt").notNull().default(now),
  },
  (t) => [uniqueIndex("pings_post_url_protocol").on(t.postId, t.url, t.protocol)],
);

export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    type: text("type").notNull(),
    payload: text("payload").notNull().default("{}"),
    status: text("status", { enum: ["queued", "running", "done", "failed"] }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    runAt: big("run_at").notNull(),
    lockedUntil: big("locked_until"),
    lastError: text("last_error").notNull().default(""),
    createdAt: big("created_at").notNull(),
  },
  (t) => [index("jobs_status_run_at").on(t.status, t.runAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    link: text("link").notNull().default(""),
    readAt: text("read_at"),
    createdGmt: text("created_gmt").notNull().default(now),
  },
  (t) => [index("notifications_user_created").on(t.userId, t.createdGmt)],
);

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: big("expire"),
});

export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    expiresAt: big("expires_at").notNull(),
  },
  (t) => [index("revoked_sessions_expires_at").on(t.expiresAt)],
);

export const passwordResets = pgTable("password_resets", {
  userId: integer("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  keyHash: text("key_hash").notNull(),
  passwordStamp: text("password_stamp").notNull(),
  expiresAt: big("expires_at").notNull(),
});

export const contentVersion = pgTable("content_version", {
  id: integer("id").primaryKey(),
  n: big("n").notNull().default(0),
});

export const menus = pgTable("menus", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
});

export const menuItems = pgTable(
  "menu_items",
  {
    id: id(),
    menuId: integer("menu_id").notNull().references(() => menus.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => menuItems.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    type: text("type", { enum: MENU_ITEM_TYPES }).notNull(),
    object: text("object").notNull(),
    objectId: integer("object_id"),
    title: text("title").notNull().default(""),
    url: text("url").notNull().default(""),
    target: text("target").notNull().default(""),
    classes: text("classes").notNull().default(""),
  },
  (t) => [index("menu_items_menu").on(t.menuId, t.position)],
);

export const applicationPasswords = pgTable(
  "application_passwords",
  {
    id: id(),
    uuid: text("uuid").notNull().unique(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    appId: text("app_id").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    createdGmt: text("created_gmt").notNull(),
    lastUsedGmt: text("last_used_gmt"),
    lastIp: text("last_ip"),
  },
  (t) => [index("application_passwords_user").on(t.userId)],
);

export const importJobs = pgTable("import_jobs", {
  id: text("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  state: text("state").notNull(),
  startedAt: big("started_at").notNull(),
  endedAt: big("ended_at"),
  updatedAt: big("updated_at").notNull(),
});

// The read export of a job that waits for its authors (JSON, as large as the file), in a table of its
// own: SQLite rewrites a whole row on any update, so while the file sat in import_jobs every save of
// the job's progress rewrote 100 MB on the thread that serves readers (270 ms each).
export const importJobFiles = pgTable("import_job_files", {
  jobId: text("job_id").primaryKey().references(() => importJobs.id, { onDelete: "cascade" }),
  parsed: text("parsed").notNull(),
});

export const oembedCache = pgTable("oembed_cache", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  expiresAt: big("expires_at").notNull(),
});

export const federationKv = pgTable("federation_kv", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  expiresAt: big("expires_at"),
});

export const federationKeys = pgTable("federation_keys", {
  actor: text("actor").notNull(),
  algorithm: text("algorithm", { enum: ["RSASSA-PKCS1-v1_5", "Ed25519"] }).notNull(),
  privateKey: text("private_key").notNull(),
  publicKey: text("public_key").notNull(),
  createdAt: big("created_at").notNull(),
}, (t) => [primaryKey({ columns: [t.actor, t.algorithm] })]);

export const federationFollowers = pgTable(
  "federation_followers",
  {
    id: id(),
    actorId: text("actor_id").notNull(),
    inbox: text("inbox").notNull(),
    sharedInbox: text("shared_inbox"),
    handle: text("handle").notNull(),
    name: text("name").notNull().default(""),
    url: text("url"),
    server: text("server").notNull(),
    status: text("status", { enum: FOLLOWER_STATUSES }).notNull(),
    followId: text("follow_id"),
    createdAt: big("created_at").notNull(),
    followed: text("followed").notNull().default("blog"),
  },
  (t) => [uniqueIndex("federation_followers_followed_actor").on(t.followed, t.actorId), index("federation_followers_followed_status").on(t.followed, t.status, t.id), index("federation_followers_actor_id").on(t.actorId)],
);

// Likes and boosts (Announce) of a post from the fediverse: one per actor, kind and post, so a
// repeated Like counts once; the activity's id lets Undo take it back.
export const federationReactions = pgTable(
  "federation_reactions",
  {
    id: id(),
    postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: FEDERATION_REACTIONS }).notNull(),
    actorId: text("actor_id").notNull(),
    activityId: text("activity_id"),
    createdAt: big("created_at").notNull(),
  },
  (t) => [uniqueIndex("federation_reactions_one").on(t.postId, t.kind, t.actorId), index("federation_reactions_activity").on(t.activityId)],
);
export const federationDeliveries = pgTable(
  "federation_deliveries",
  {
    id: id(),
    postId: integer("post_id").references(() => posts.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    activityType: text("activity_type").notNull(),
    inbox: text("inbox").notNull(),
    host: text("host").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    error: text("error").notNull().default(""),
    attempts: integer("attempts").notNull().default(0),
    updatedAt: big("updated_at").notNull(),
  },
  (t) => [uniqueIndex("federation_deliveries_activity_inbox").on(t.activityId, t.inbox), index("federation_deliveries_post").on(t.postId, t.updatedAt)],
);

// --- Following (as db/schema.ts) ---
export const federationFollowing = pgTable(
  "federation_following",
  {
    id: id(),
    localActor: text("local_actor").notNull().default("blog"),
    actorId: text("actor_id").notNull(),
    inbox: text("inbox").notNull(),
    sharedInbox: text("shared_inbox"),
    handle: text("handle").notNull(),
    name: text("name").notNull().default(""),
    url: text("url"),
    server: text("server").notNull(),
    status: text("status", { enum: FOLLOWING_STATUSES }).notNull(),
    followId: text("follow_id").notNull(),
    createdAt: big("created_at").notNull(),
  },
  (t) => [uniqueIndex("federation_following_actor").on(t.localActor, t.actorId), index("federation_following_status").on(t.localActor, t.status, t.id)],
);

export const federationReader = pgTable(
  "federation_reader",
  {
    id: id(),
    localActor: text("local_actor").notNull().default("blog"),
    objectId: text("object_id").notNull(),
    actorId: text("actor_id").notNull(),
    authorName: text("author_name").notNull().default(""),
    authorHandle: text("author_handle").notNull(),
    authorUrl: text("author_url"),
    url: text("url").notNull(),
    title: text("title").notNull().default(""),
    content: text("content").notNull(),
    published: big("published").notNull(),
    updatedAt: big("updated_at"),
    likeId: text("like_id"),
    createdAt: big("created_at").notNull(),
  },
  (t) => [uniqueIndex("federation_reader_object").on(t.localActor, t.objectId), index("federation_reader_published").on(t.localActor, t.published)],
);
