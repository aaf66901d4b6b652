import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getOptions } from "@/db/queries/options";
import { listTermsForPosts } from "@/db/queries/posts";
import { getTheme } from "@/themes/registry";
import { toPostView } from "@/lib/content/post-view";
import { CommentsSection } from "@/components/comments/comments-section";
import { resolvePath } from "@/lib/site/resolve-path";

type Props = { params: Promise<{ segments: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { segments } = await params;
  const post = resolvePath(segments);
  const opts = getOptions();
  return post ? { title: `${post.title} – ${opts.blogname}` } : { title: `Page not found – ${opts.blogname}` };
}

export default async function SingularPage({ params, searchParams }: Props) {
  const { segments } = await params;
  const post = resolvePath(segments);
  if (!post) notFound();
  const opts = getOptions();
  const theme = getTheme(opts.template);
  const view = toPostView(post, listTermsForPosts([post.id]), opts, "full");
  // WordPress's ?cpage=N: which comment page to show when comment pages are on.
  const cpage = Number((await searchParams).cpage) || undefined;
  return <theme.PostSingle post={view} comments={<CommentsSection post={post} theme={theme} opts={opts} commentPage={cpage} />} />;
}
