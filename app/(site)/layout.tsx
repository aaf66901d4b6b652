import type { ReactNode } from "react";
import { connection } from "next/server";
import { getOptions } from "@/db/queries/options";
import { listPublishedPosts } from "@/db/queries/posts";
import { getTheme } from "@/themes/registry";
import { postUrl } from "@/lib/content/post-view";
import { MetaWidget, RecentPostsWidget, SearchWidget } from "@/components/site/sidebar";
import { getCurrentUser } from "@/lib/session";
import { publishDuePosts } from "@/db/queries/post-editor";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  // Scheduled posts whose time has come go live on the next request (no timer needed).
  publishDuePosts();
  const opts = getOptions();
  const theme = getTheme(opts.template);
  const recent = listPublishedPosts({ page: 1, perPage: 5 }).map((p) => ({ title: p.title, url: postUrl(p, opts) }));
  const user = await getCurrentUser();
  const sidebar = (
    <>
      <SearchWidget />
      <RecentPostsWidget posts={recent} />
      <MetaWidget signedIn={!!user} />
    </>
  );
  return (
    <theme.Layout site={{ name: opts.blogname, description: opts.blogdescription, homeUrl: "/" }} sidebar={sidebar}>
      {children}
    </theme.Layout>
  );
}
