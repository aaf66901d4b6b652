import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getOptions } from "@/db/queries/options";
import { listTermsForPosts } from "@/db/queries/posts";
import { getTheme } from "@/themes/registry";
import { toPostView } from "@/lib/content/post-view";
import { CommentsSection } from "@/components/comments/comments-section";
import { resolvePath } from "@/lib/site/resolve-path";
import { LinkbackDiscovery } from "@/components/linkbacks/discovery";

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
  const discovery = <LinkbackDiscovery post={{ id: post.id, title: post.title, url: view.url, type: post.type, pingsOpen: post.pingStatus === "open" }} />;
  return <theme.PostSingle post={view} comments={<>{discovery}<CommentsSection post={post} theme={theme} opts={opts} /></>} />;
}
