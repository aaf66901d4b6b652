import type { Metadata } from "next";
import { getOptions } from "@/db/queries/options";
import { listPublishedPosts, listTermsForPosts } from "@/db/queries/posts";
import { getTheme } from "@/themes/registry";
import { toPostView } from "@/lib/content/post-view";

export async function generateMetadata(): Promise<Metadata> {
  const opts = getOptions();
  return { title: opts.blogdescription ? `${opts.blogname} – ${opts.blogdescription}` : opts.blogname };
}

export default async function HomePage() {
  const opts = getOptions();
  const theme = getTheme(opts.template);
  const posts = listPublishedPosts({ page: 1, perPage: opts.posts_per_page });
  const terms = listTermsForPosts(posts.map((p) => p.id));
  if (!posts.length) return <p>Nothing has been published yet.</p>;
  return (
    <>
      <h1 className="sr-only">{opts.blogname}</h1>
      {posts.map((p) => (
        <theme.PostSummary key={p.id} post={toPostView(p, terms.filter((t) => t.postId === p.id), opts, "teaser")} />
      ))}
    </>
  );
}
