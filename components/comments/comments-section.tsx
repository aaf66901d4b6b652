// The comment area under a post: the approved comments, in the active theme.
// (The Discussion work adds threads, the form and pings here.)
import { listApprovedComments } from "@/db/queries/comments";
import { toCommentView } from "@/lib/content/comment-view";
import type { Options } from "@/lib/options/defaults";
import type { Theme } from "@/themes/types";

export function CommentsSection({ post, theme, opts }: { post: { id: number; title: string }; theme: Theme; opts: Options }) {
  const comments = listApprovedComments(post.id).map((c) => toCommentView(c, opts));
  if (!comments.length) return null;
  const title = comments.length === 1 ? `One response to “${post.title}”` : `${comments.length} responses to “${post.title}”`;
  return <theme.CommentList comments={comments} title={title} />;
}
