import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getOptions } from "@/db/queries/options";
import { listTermsForPosts } from "@/db/queries/posts";
import { listApprovedComments } from "@/db/queries/comments";
import { getTheme } from "@/themes/registry";
import { toPostView } from "@/lib/content/post-view";
import { toCommentView } from "@/lib/content/comment-view";
import { resolvePath } from "@/lib/site/resolve-path";

type Props = { params: Promise<{ segments: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { segments } = await params;
  const post = resolvePath(segments);
  const opts = getOptions();
  return post ? { title: `${post.title} – ${opts.blogname}` } : { title: `Page not found – ${opts.blogname}` };
}

export default async function SingularPage({ params }: Props) {
  const { segments } = await params;
  const post = resolvePath(segments);
  if (!post) notFound();
  const opts = getOptions();
  const theme = getTheme(opts.template);
  const view = toPostView(post, listTermsForPosts([post.id]), opts, "full");
  const comments = listApprovedComments(post.id).map((c) => toCommentView(c, opts));
  const title = comments.length === 1 ? `One response to “${post.title}”` : `${comments.length} responses to “${post.title}”`;
  return (
    <theme.PostSingle
      post={view}
      comments={comments.length ? <theme.CommentList comments={comments} title={title} /> : null}
    />
  );
}
