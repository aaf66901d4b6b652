// The comment area under a post: the thread (with this visitor's own held comments), the pings
// apart, and the form. The form is the one client component of a reader's page.
import { cookies } from "next/headers";
import { listThreadComments, type ThreadComment } from "@/db/queries/comments";
import type { PostCard } from "@/db/queries/posts";
import { toCommentView } from "@/lib/content/comment-view";
import type { Options } from "@/lib/options/defaults";
import type { CommentView } from "@/lib/content/views";
import type { Theme } from "@/themes/types";
import { buildThread, type ThreadNode } from "@/lib/comments/thread";
import { pageThreads } from "@/lib/comments/paging";
import { commentsOpen, hasPostPassword } from "@/lib/comments/rules";
import { POSTPASS_COOKIE } from "@/lib/content/post-pass";
import { AUTHOR_TOKEN_COOKIE, isAuthorToken } from "@/lib/comments/cookies";
import { issueFormToken } from "@/lib/comments/form-token";
import { getCurrentUser } from "@/lib/session";
import { signOutAction } from "@/app/(auth)/login/actions";
import { CommentForm } from "@/components/comments/comment-form";
import { titleText } from "@/lib/content/title";

type SectionPost = Pick<PostCard, "id" | "title" | "status" | "commentStatus" | "dateGmt" | "password">;

/** The post's thread for this visitor (their own held comments, by their author-token cookie, included). */
export function threadOf(postId: number, authorToken: string | undefined): Promise<ThreadComment[]> {
  return listThreadComments(postId, isAuthorToken(authorToken) ? authorToken : null);
}

/**
 * `commentPage` is the `cpage` query parameter of the post's URL (WordPress's ?cpage=N), passed
 * by the page when comment pages are on; without it the default page is shown.
 */
export async function CommentsSection({ post, theme, opts, commentPage, thread }: { post: SectionPost; theme: Theme; opts: Options; commentPage?: number; thread?: Promise<ThreadComment[]> }) {
  const jar = await cookies();
  if (post.password && !hasPostPassword(post.password, jar.get(POSTPASS_COOKIE)?.value)) {
    return <p className="mt-10 text-sm">This post is password protected. Enter the password to view comments.</p>;
  }
  const rows = await (thread ?? threadOf(post.id, jar.get(AUTHOR_TOKEN_COOKIE)?.value));
  const open = commentsOpen(post, opts);
  const maxDepth = opts.thread_comments ? opts.thread_comments_depth : 1;

  const toView = (node: ThreadNode<ThreadComment>): CommentView => ({
    ...toCommentView(node.item, opts),
    depth: node.depth,
    awaitingModeration: node.item.status === "0",
    // Replies go only to approved comments, and not past the last level.
    replyUrl: open && opts.thread_comments && node.depth < maxDepth && node.item.status === "1" ? `/wp-comments-post.php?replytocom=${node.item.id}` : undefined,
    replies: node.children.map(toView),
  });
  const all = buildThread(rows.filter((r) => r.type === "comment"), { threaded: opts.thread_comments, maxDepth });
  const { threads, paging } = pageThreads(all, { enabled: opts.page_comments, perPage: opts.comments_per_page, defaultPage: opts.default_comments_page }, commentPage);
  if (opts.comment_order === "desc") threads.reverse();
  const comments = threads.map(toView);
  const pageLinks = paging
    ? {
        olderUrl: paging.olderPage ? `?cpage=${paging.olderPage}#comments` : undefined,
        newerUrl: paging.newerPage ? `?cpage=${paging.newerPage}#comments` : undefined,
      }
    : undefined;
  const pings = rows.filter((r) => r.type !== "comment" && r.status === "1").map((r) => toCommentView(r, opts));
  const approved = rows.filter((r) => r.type === "comment" && r.status === "1").length;
  const title = approved === 1 ? `One response to “${titleText(post.title)}”` : `${approved} responses to “${titleText(post.title)}”`;

  const user = await getCurrentUser();
  const form = open ? (
    <CommentForm
      postId={post.id}
      user={user ? { displayName: user.displayName } : null}
      requireNameEmail={opts.require_name_email}
      cookiesOptIn={opts.show_comments_cookies_opt_in}
      loginRequired={opts.comment_registration && !user}
      token={issueFormToken(post.id)}
      signOut={signOutAction}
    />
  ) : rows.length ? (
    <p className="no-comments mt-6 text-sm text-muted">Comments are closed.</p>
  ) : null;
  return <theme.CommentList comments={comments} title={title} pings={pings} form={form} pageLinks={pageLinks} />;
}
