import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { Statement } from "better-sqlite3";
import { getDb, type Db } from "../client";
import { ENGINE } from "../engine";
import { queryRows } from "../index";
import { pgNamedRows, pgPool } from "./archives";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { pgNamedQuery, pgTransactionFrom, type PgDb } from "../postgres";
import type { PoolClient } from "pg";
import { commitOffLoop } from "../wal-sync";
import { commentMeta, comments, jobs as jobsTable, notifications, posts, users, type NewComment, type Comment, type Post } from "../tables";

/** What a reader sees of a comment: never the email, IP or user agent. */
export const publicCommentColumns = {
  id: comments.id,
  postId: comments.postId,
  parentId: comments.parentId,
  type: comments.type,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  content: comments.content,
  date: comments.date,
  dateGmt: comments.dateGmt,
  userId: comments.userId,
  avatarUrl: comments.avatarUrl,
};
export type PublicComment = Pick<Comment, keyof typeof publicCommentColumns>;

export async function listApprovedComments(postId: number): Promise<PublicComment[]> {
  return getDb()
    .select(publicCommentColumns)
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, "1")))
    .orderBy(asc(comments.dateGmt), asc(comments.id));
}

/** Inserts a comment and keeps the post's approved-comment count, in one transaction. */
export async function insertComment(comment: NewComment): Promise<Comment> {
  return withTransaction(async (tx) => {
    const row = only(await tx.insert(comments).values(comment).returning());
    if (row.status === "1") {
      await tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, row.postId));
    }
    return row;
  });
}

/** WordPress's comment_count: approved comments of every type. Recounted, never incremented blind. */
export async function recountPostComments(tx: Db, postIds: number[]) {
  for (const postId of new Set(postIds)) {
    await tx
      .update(posts)
      .set({ commentCount: sql`(SELECT count(*) FROM ${comments} c WHERE c.post_id = ${postId} AND c.status = '1')` })
      .where(eq(posts.id, postId));
  }
}

/**
 * Marks a comment stored as spam by the form's own checks (honeypot, signed time) rather than by
 * a person: its author (by cookie) is told it awaits moderation, as a held comment's author is,
 * so that a human whose form was a day old is not left wondering and a bot cannot tell spam from
 * held. Any moderator's decision on the comment removes the mark (applyCommentAction), after
 * which a comment left in spam is hidden from its author too, as WordPress hides spam.
 */
export const HELD_AS_SPAM_META = "_inkwell_held_as_spam";

// A post's thread as a reader sees it: approved comments, plus held ones this visitor wrote. A
// comment of theirs held as spam by the form's checks is listed as held ("0"): what its author
// sees must not differ from any held comment's.
// Plain prepared SQL: the page of every post runs this, and the query builder cost more than the
// query (`npm run bench`, uncached posts). Columns as publicCommentColumns, plus status and authorEmail.
const THREAD_COLUMNS = `id, post_id AS postId, parent_id AS parentId, type, author_name AS authorName, author_url AS authorUrl,
  content, date, date_gmt AS dateGmt, user_id AS userId, avatar_url AS avatarUrl, CASE status WHEN 'spam' THEN '0' ELSE status END AS status, author_email AS authorEmail`;
export const THREAD_SQL = {
  approved: `SELECT ${THREAD_COLUMNS} FROM comments WHERE post_id = ? AND status = '1' ORDER BY date_gmt, id`,
  withOwn: `SELECT ${THREAD_COLUMNS} FROM comments WHERE post_id = ? AND (status = '1' OR (author_token = ? AND (status = '0'
      OR (status = 'spam' AND EXISTS (SELECT 1 FROM comment_meta m WHERE m.comment_id = comments.id AND m.key = '${HELD_AS_SPAM_META}')))))
    ORDER BY date_gmt, id`,
} as const;
const threadStmts = new WeakMap<object, { approved: Statement; withOwn: Statement }>();

export type ThreadComment = PublicComment & { status: Comment["status"]; authorEmail: string };

/** The thread of `postId`: approved comments, and this author token's own held ones. */
export async function listThreadComments(postId: number, authorToken?: string | null): Promise<ThreadComment[]> {
  if (ENGINE === "postgres") {
    // The same text, as a named statement planned once per connection (every uncached post asks).
    return authorToken ? pgNamedRows<ThreadComment>(THREAD_SQL.withOwn, postId, authorToken) : pgNamedRows<ThreadComment>(THREAD_SQL.approved, postId);
  }
  const client = getDb().$client;
  let q = threadStmts.get(client);
  if (!q) threadStmts.set(client, (q = { approved: client.prepare(THREAD_SQL.approved), withOwn: client.prepare(THREAD_SQL.withOwn) }));
  return (authorToken ? q.withOwn.all(postId, authorToken) : q.approved.all(postId)) as ThreadComment[];
}

/** What the submission rules need to know of a comment being replied to. */
export async function getCommentParent(id: number) {
  return getDb()
    .select({ id: comments.id, postId: comments.postId, status: comments.status, authorName: comments.authorName, content: comments.content, date: comments.date, dateGmt: comments.dateGmt })
    .from(comments)
    .where(eq(comments.id, id))
    .then(first);
}

export type CheckedInsert =
  | { outcome: "duplicate" }
  | { outcome: "flood" }
  | { outcome: "stored"; comment: Comment };

type CheckRules = {
  floodSinceGmt: string | null;
  decide: (previouslyApproved: boolean) => Comment["status"];
  /** Dashboard notifications for the stored comment, written in the same commit. */
  notify?: (row: Comment, moderators: Moderator[]) => (typeof notifications.$inferInsert)[];
  /** Read the moderators (for notify) when the comment is held. */
  moderatorsIfHeld?: boolean;
  /** Jobs for the stored comment (its notification mails), queued in the same commit: none lost, no second fsync. */
  jobs?: (row: Comment) => { type: string; payload: unknown }[];
  /** Why the form's own checks hold it as spam (e.g. "form_expired"), if they do: HELD_AS_SPAM_META. */
  spamReason?: string;
};

// The checks run on every comment, so their statements are prepared once per connection
// rather than rebuilt by the query builder each time.
const globalForStmts = globalThis as unknown as { __inkwellCommentStmts?: WeakMap<object, ReturnType<typeof prepareChecks>> };

/**
 * The checks every new comment runs, each of which must reach its rows through an index whose
 * rows belong to this author, address or post (tests/unit/db/explain-comments.test.ts): a check
 * that walks the whole table makes every comment cost more than the last.
 */
export const COMMENT_CHECK_SQL = {
  // `parent_id IS ?` matches NULL to NULL, as a top-level comment's duplicate must. Left to
  // itself SQLite answers `parent_id IS NULL` from comments_parent, i.e. reads every top-level
  // comment on the site; the unary `+` keeps it off that index. With an email (the default,
  // require_name_email) the rows read are this email's comments; without one, the post's.
  duplicateByEmail:
    "SELECT id FROM comments WHERE author_email = ? AND +post_id = ? AND +parent_id IS ? AND author_name = ? AND content = ? AND status <> 'trash' LIMIT 1",
  // WordPress compares the email only when one is given.
  duplicateNoEmail: "SELECT id FROM comments WHERE post_id = ? AND +parent_id IS ? AND author_name = ? AND content = ? AND status <> 'trash' LIMIT 1",
  floodByIp: "SELECT id FROM comments WHERE author_ip = ? AND date_gmt >= ? LIMIT 1",
  floodByEmail: "SELECT id FROM comments WHERE author_email = ? AND date_gmt >= ? LIMIT 1",
  approvedBefore: "SELECT id FROM comments WHERE author_email = ? AND status = '1' AND author_name = ? LIMIT 1",
};

function prepareChecks(client: ReturnType<typeof getDb>["$client"]) {
  return {
    duplicateByEmail: client.prepare(COMMENT_CHECK_SQL.duplicateByEmail),
    duplicateNoEmail: client.prepare(COMMENT_CHECK_SQL.duplicateNoEmail),
    floodByIp: client.prepare(COMMENT_CHECK_SQL.floodByIp),
    floodByEmail: client.prepare(COMMENT_CHECK_SQL.floodByEmail),
    approvedBefore: client.prepare(COMMENT_CHECK_SQL.approvedBefore),
    insert: client.prepare(
      `INSERT INTO comments (post_id, parent_id, type, status, author_name, author_email, author_url, author_ip, user_agent, user_id, content, date, date_gmt, author_token, remote_id, remote_actor, avatar_url)
       VALUES (@postId, @parentId, @type, @status, @authorName, @authorEmail, @authorUrl, @authorIp, @userAgent, @userId, @content, @date, @dateGmt, @authorToken, @remoteId, @remoteActor, @avatarUrl)
       RETURNING ${COMMENT_COLUMNS}`,
    ),
    // recountPostComments for one post, prepared (see there).
    recount: client.prepare("UPDATE posts SET comment_count = (SELECT count(*) FROM comments c WHERE c.post_id = ? AND c.status = '1') WHERE id = ?"),
    insertMeta: client.prepare("INSERT INTO comment_meta (comment_id, key, value) VALUES (?, ?, ?)"),
    insertNotification: client.prepare("INSERT INTO notifications (user_id, kind, message, link) VALUES (@userId, @kind, @message, @link)"),
    insertJob: client.prepare("INSERT INTO jobs (type, payload, run_at, created_at) VALUES (@type, @payload, @now, @now)"),
    target: client.prepare(
      `SELECT p.id, p.type, p.status, p.title, p.slug, p.date, p.date_gmt AS dateGmt, p.password, p.comment_status AS commentStatus,
              p.author_id AS authorId, u.nicename AS authorNicename, u.email AS authorEmail, u.display_name AS authorDisplayName
       FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = ?`,
    ),
    moderators: client.prepare("SELECT id, email, display_name AS displayName FROM users WHERE role IN ('administrator', 'editor')"),
    // The checked insert and a batch of them as better-sqlite3 transactions, made once: nested in
    // a batch, each attempt runs in a savepoint of its own (so a failing one fails alone).
    attempt: client.transaction((comment: NewComment, rules: CheckRules) => attemptInsert(comment, rules)),
    batch: client.transaction((run: () => void) => run()),
  };
}

// Every column of a comment under its TypeScript name, for the hand-written statements above.
const COMMENT_COLUMNS = `id, post_id AS postId, parent_id AS parentId, type, status, author_name AS authorName, author_email AS authorEmail,
  author_url AS authorUrl, author_ip AS authorIp, user_agent AS userAgent, user_id AS userId, content, date, date_gmt AS dateGmt,
  author_token AS authorToken, remote_id AS remoteId, remote_actor AS remoteActor, avatar_url AS avatarUrl`;

/** What the submission rules need of the post commented on, and of its author, in one read. */
export interface CommentTarget {
  id: number;
  type: "post" | "page";
  status: Post["status"];
  title: string;
  slug: string;
  date: string;
  dateGmt: string;
  password: string;
  commentStatus: "open" | "closed";
  authorId: number;
  authorNicename: string;
  authorEmail: string;
  authorDisplayName: string;
}

export async function getCommentTarget(postId: number): Promise<CommentTarget | undefined> {
  if (ENGINE === "postgres") {
    // Every comment asks: a named statement, planned once per connection.
    const found = await pgNamedQuery<CommentTarget>(
      pgPool(),
      sql`SELECT p.id, p.type, p.status, p.title, p.slug, p.date, p.date_gmt AS "dateGmt", p.password, p.comment_status AS "commentStatus",
        p.author_id AS "authorId", u.nicename AS "authorNicename", u.email AS "authorEmail", u.display_name AS "authorDisplayName"
        FROM ${posts} p JOIN ${users} u ON u.id = p.author_id WHERE p.id = ${postId}`,
    );
    return found.rows[0];
  }
  return checks().target.get(postId) as CommentTarget | undefined;
}

type Moderator = { id: number; email: string; displayName: string };

function checks() {
  const client = getDb().$client;
  globalForStmts.__inkwellCommentStmts ??= new WeakMap();
  let s = globalForStmts.__inkwellCommentStmts.get(client);
  if (!s) {
    s = prepareChecks(client);
    globalForStmts.__inkwellCommentStmts.set(client, s);
  }
  return s;
}

function attemptInsert(comment: NewComment, rules: CheckRules): CheckedInsert {
  const q = checks();
  const email = comment.authorEmail ?? "";
  const duplicate = email
    ? q.duplicateByEmail.get(email, comment.postId, comment.parentId ?? null, comment.authorName ?? "", comment.content ?? "")
    : q.duplicateNoEmail.get(comment.postId, comment.parentId ?? null, comment.authorName ?? "", comment.content ?? "");
  if (duplicate) return { outcome: "duplicate" };
  if (rules.floodSinceGmt) {
    if (q.floodByIp.get(comment.authorIp ?? "", rules.floodSinceGmt)) return { outcome: "flood" };
    if (email && q.floodByEmail.get(email, rules.floodSinceGmt)) return { outcome: "flood" };
  }
  const approvedBefore = q.approvedBefore.get(email, comment.authorName ?? "");
  const row = q.insert.get(checkedRow(comment, email, rules.decide(!!approvedBefore))) as Comment;
  if (row.status === "1") q.recount.run(row.postId, row.postId);
  if (row.status === "spam" && rules.spamReason) q.insertMeta.run(row.id, HELD_AS_SPAM_META, rules.spamReason);
  const moderators = row.status === "0" && rules.moderatorsIfHeld ? (q.moderators.all() as Moderator[]) : [];
  for (const note of rules.notify?.(row, moderators) ?? []) q.insertNotification.run({ userId: note.userId, kind: note.kind, message: note.message, link: note.link ?? "" });
  for (const job of rules.jobs?.(row) ?? []) q.insertJob.run({ type: job.type, payload: JSON.stringify(job.payload), now: Date.now() });
  return { outcome: "stored", comment: row };
}

/**
 * WordPress's last submission rules, in one IMMEDIATE transaction so that two requests racing
 * each other (in one process or several on the same file) cannot both pass a check: duplicate
 * (same post, parent, author, email if given, content; trash excluded), then flood (the same IP
 * or email commented at or after `floodSinceGmt`), then the moderation decision, which needs to
 * know whether this author and email already have an approved comment.
 */
export async function insertCommentChecked(comment: NewComment, rules: CheckRules): Promise<CheckedInsert> {
  if (ENGINE === "postgres") return insertCommentCheckedPortable(comment, rules);
  return checks().attempt.immediate(comment, rules);
}

/** The row a checked comment is stored as, on either engine's path. */
function checkedRow(comment: NewComment, email: string, status: Comment["status"]): NewComment {
  return {
    postId: comment.postId,
    parentId: comment.parentId ?? null,
    type: comment.type ?? "comment",
    status,
    authorName: comment.authorName ?? "",
    authorEmail: email,
    authorUrl: comment.authorUrl ?? "",
    authorIp: comment.authorIp ?? "",
    userAgent: comment.userAgent ?? "",
    userId: comment.userId ?? null,
    content: comment.content ?? "",
    date: comment.date,
    dateGmt: comment.dateGmt,
    authorToken: comment.authorToken ?? null,
    remoteId: comment.remoteId ?? null,
    remoteActor: comment.remoteActor ?? null,
    avatarUrl: comment.avatarUrl ?? null,
  };
}

// The checked insert for PostgreSQL: the same checks, in the same order, in one transaction.
// PostgreSQL's transactions run side by side (READ COMMITTED), so two racing comments could both
// pass the duplicate and flood checks before either is written. Transaction-scoped advisory locks
// make exactly the comments that could conflict take turns, across every process on the database:
// one per possible duplicate (post, parent, author, content), one per address and one per email (the
// flood rule). Other comments, on the same post or not, are judged side by side. The locks are
// taken in one global order (by key), so two inserts never wait on each other; they are released
// at commit or rollback. Within this process the same comment sent twice also takes turns in the
// order it arrived (as SQLite's batch judges them).
export function commentLockKeys(comment: NewComment): string[] {
  const keys = [
    `dup:${comment.postId}:${comment.parentId ?? 0}:${comment.authorName ?? ""}:${comment.authorEmail ?? ""}:${comment.content ?? ""}`,
    `ip:${comment.authorIp ?? ""}`,
  ];
  if (comment.authorEmail) keys.push(`email:${comment.authorEmail}`);
  // 63-bit keys from SHA-256, sorted: the order every insert takes them in.
  return keys.map((k) => BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(k).digest("hex").slice(0, 16)}`)).toString()).sort();
}

/** The statement that takes the comment's advisory locks, in key order (PostgreSQL only; the keys are integers). */
export function lockCommentKeysSql(comment: NewComment): string {
  // Volatile functions in the select list run after the sort, so the locks are taken in key order.
  return `SELECT pg_advisory_xact_lock(k) FROM unnest('{${commentLockKeys(comment).join(",")}}'::bigint[]) WITH ORDINALITY AS t(k, i) ORDER BY i`;
}

/** Takes the comment's advisory locks in the transaction `tx`, in one round trip (PostgreSQL only). */
export async function lockCommentKeys(tx: Db, comment: NewComment): Promise<void> {
  await queryRows(sql.raw(lockCommentKeysSql(comment)), tx);
}

const globalForTurns = globalThis as unknown as { __inkwellCommentTurns?: Map<string, Promise<unknown>> };

function inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const turns = (globalForTurns.__inkwellCommentTurns ??= new Map());
  const run = (turns.get(key) ?? Promise.resolve()).then(fn);
  const tail = run.catch(() => undefined);
  turns.set(key, tail);
  void tail.then(() => {
    if (turns.get(key) === tail) turns.delete(key);
  });
  return run;
}

async function insertCommentCheckedPortable(comment: NewComment, rules: CheckRules): Promise<CheckedInsert> {
  return inTurn(commentLockKeys(comment).join(","), () => checkedInsertTx(comment, rules));
}

const NO = sql`false`;

// Each statement is a round trip to the server, and a comment's transaction holds its locks and a
// pooled connection for all of them: BEGIN and the locks in one, every check and the insert in one
// (the insert happens only when the checks pass, the moderation decision for either answer of the
// "approved before" check computed ahead), what follows from it with the COMMIT. Under READ
// COMMITTED the second statement's snapshot is taken after the locks are held, so a comment that
// could conflict and committed meanwhile is seen. The checks-and-insert statement is a named
// prepared statement: the server plans each of its few shapes once per connection.
async function checkedInsertTx(comment: NewComment, rules: CheckRules): Promise<CheckedInsert> {
  return pgTransactionFrom(getDb() as unknown as PgDb, lockCommentKeysSql(comment), async (pgTx, end) => {
    const tx = pgTx as unknown as Db;
    const email = comment.authorEmail ?? "";
    const parentIs: SQL = comment.parentId == null ? isNull(comments.parentId) : eq(comments.parentId, comment.parentId);
    const duplicate = tx
      .select({ one: sql`1` })
      .from(comments)
      .where(
        and(
          email ? eq(comments.authorEmail, email) : undefined,
          eq(comments.postId, comment.postId),
          parentIs,
          eq(comments.authorName, comment.authorName ?? ""),
          eq(comments.content, comment.content ?? ""),
          ne(comments.status, "trash"),
        ),
      );
    const since = rules.floodSinceGmt ? sql`${comments.dateGmt} >= ${rules.floodSinceGmt}` : undefined;
    const floodIp = since ? sql`EXISTS (${tx.select({ one: sql`1` }).from(comments).where(and(eq(comments.authorIp, comment.authorIp ?? ""), since))})` : NO;
    const floodEmail = since && email ? sql`EXISTS (${tx.select({ one: sql`1` }).from(comments).where(and(eq(comments.authorEmail, email), since))})` : NO;
    const approvedBefore = tx
      .select({ one: sql`1` })
      .from(comments)
      .where(and(eq(comments.authorEmail, email), eq(comments.status, "1"), eq(comments.authorName, comment.authorName ?? "")));
    const moderators = rules.moderatorsIfHeld
      ? sql`(SELECT coalesce(json_agg(json_build_object('id', ${users.id}, 'email', ${users.email}, 'displayName', ${users.displayName})), '[]') FROM ${users} WHERE ${inArray(users.role, ["administrator", "editor"])})`
      : sql`'[]'::json`;
    const ifApproved = rules.decide(true);
    const ifNot = rules.decide(false);
    const values = checkedRow(comment, email, ifNot);
    const cols = Object.keys(values) as (keyof NewComment & keyof typeof comments)[];
    const column = (k: (typeof cols)[number]) => comments[k] as unknown as { name: string; getSQLType(): string };
    const selected = cols.map((k) =>
      k === "status"
        ? sql`CASE WHEN found.approved THEN ${ifApproved}::text ELSE ${ifNot}::text END`
        : sql`${values[k] ?? null}::${sql.raw(column(k).getSQLType())}`,
    );
    const found = (
      await pgNamedQuery<{ duplicate: boolean; flood_ip: boolean; flood_email: boolean; approved: boolean; moderators: Moderator[]; id: number | null; status: Comment["status"] | null }>(
        pgTx.$client as unknown as PoolClient,
        sql`WITH found AS (SELECT EXISTS (${duplicate}) AS duplicate, ${floodIp} AS flood_ip, ${floodEmail} AS flood_email, EXISTS (${approvedBefore}) AS approved, ${moderators} AS moderators),
          ins AS (INSERT INTO ${comments} (${sql.join(cols.map((k) => sql.identifier(column(k).name)), sql`, `)})
            SELECT ${sql.join(selected, sql`, `)} FROM found WHERE NOT (found.duplicate OR found.flood_ip OR found.flood_email)
            RETURNING id, status)
          SELECT found.duplicate, found.flood_ip, found.flood_email, found.approved, found.moderators, ins.id, ins.status FROM found LEFT JOIN ins ON true`,
      )
    ).rows[0]!;
    if (found.duplicate) return { outcome: "duplicate" };
    if (found.flood_ip || found.flood_email) return { outcome: "flood" };
    // The decision taken, asked once more so that the caller's last answer is the one stored.
    if (found.approved) rules.decide(true);
    const row = { id: found.id!, ...checkedRow(comment, email, found.status!) } as Comment;
    const after: SQL[] = [];
    // An increment, not a recount: under READ COMMITTED a recount could miss a comment another
    // transaction is writing on the same post at the same moment; the increment waits for its row.
    if (row.status === "1") after.push(tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, row.postId)).getSQL());
    if (row.status === "spam" && rules.spamReason) after.push(tx.insert(commentMeta).values({ commentId: row.id, key: HELD_AS_SPAM_META, value: rules.spamReason }).getSQL());
    const notes = rules.notify?.(row, row.status === "0" && rules.moderatorsIfHeld ? found.moderators : []) ?? [];
    if (notes.length) after.push(tx.insert(notifications).values(notes.map((note) => ({ userId: note.userId, kind: note.kind, message: note.message, link: note.link ?? "" }))).getSQL());
    const jobs = rules.jobs?.(row) ?? [];
    const now = Date.now();
    if (jobs.length) after.push(tx.insert(jobsTable).values(jobs.map((job) => ({ type: job.type, payload: JSON.stringify(job.payload), runAt: now, createdAt: now }))).getSQL());
    // The writes that follow from the comment, as one statement (data-modifying WITH clauses) that
    // goes to the server with the COMMIT. (getSQL(): a builder placed in sql`` would be wrapped in
    // parentheses, as a subquery.)
    if (after.length) {
      const [last, ...before] = after.reverse();
      end(before.length ? sql`WITH ${sql.join(before.map((w, i) => sql`w${sql.raw(String(i))} AS (${w})`), sql`, `)} ${last}` : last!);
    }
    return { outcome: "stored", comment: row } as CheckedInsert;
  });
}

// Group commit. With synchronous=FULL every commit waits for the disk's flush, and
// better-sqlite3 waits on the one thread that serves every request, so one commit per comment
// caps a server at the disk's flush rate however fast the rest is (`npm run bench:comments`). Comments that arrive
// together are written in one transaction instead, each in its own savepoint (a failing one
// fails alone), and that transaction's fsync runs off the event loop (db/wal-sync.ts), so the
// server goes on reading the next comments while the disk flushes. Every request is answered
// only after the fsync that covers its commit has returned: the durability of synchronous=FULL.
type Job = { comment: NewComment; rules: CheckRules; resolve: (r: CheckedInsert) => void; reject: (e: unknown) => void };
const globalForBatch = globalThis as unknown as { __inkwellCommentBatch?: { queue: Job[]; scheduled: boolean } };

function flushBatch() {
  const batch = globalForBatch.__inkwellCommentBatch!;
  batch.scheduled = false;
  const jobs = batch.queue.splice(0);
  const outcomes: ({ ok: true; value: CheckedInsert } | { ok: false; error: unknown })[] = [];
  const q = checks();
  const answer = (err: NodeJS.ErrnoException | null) => {
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      // Committed but not known to be on disk: not a success to report.
      if (err) job.reject(err);
      else if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  };
  try {
    commitOffLoop(
      getDb().$client,
      () =>
        q.batch.immediate(() => {
          for (const job of jobs) {
            try {
              outcomes.push({ ok: true, value: q.attempt(job.comment, job.rules) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        }),
      answer,
    );
  } catch (error) {
    for (const job of jobs) job.reject(error);
  }
}

/** insertCommentChecked, committed together with whatever other comments arrive in the same tick. */
export async function insertCommentCheckedBatched(comment: NewComment, rules: CheckRules): Promise<CheckedInsert> {
  // Group commit is SQLite's answer to its one writer and its fsync on the event loop's thread;
  // PostgreSQL commits each comment in its own transaction on a pooled connection, off this thread.
  if (ENGINE === "postgres") return insertCommentChecked(comment, rules);
  const batch = (globalForBatch.__inkwellCommentBatch ??= { queue: [], scheduled: false });
  return new Promise((resolve, reject) => {
    batch.queue.push({ comment, rules, resolve, reject });
    if (!batch.scheduled) {
      batch.scheduled = true;
      setImmediate(flushBatch);
    }
  });
}
