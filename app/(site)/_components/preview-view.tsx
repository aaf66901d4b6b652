// A post's preview in the active theme, inside the site's own layout (header, menus, sidebar).
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/session";
import { toPostView } from "@/lib/content/post-view";
import { siteOptions } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { getRenderTheme } from "@/app/(site)/theme";
import { loadPreview } from "@/lib/site/preview";
import { htmlToText } from "@/lib/content/html-text";

export async function PreviewView({ id }: { id: number }) {
  const data = await loadPreview(id, await getCurrentUser());
  if (!data) notFound();
  const opts = await siteOptions();
  const { theme } = await getRenderTheme();
  const { post } = data;
  const view = toPostView(post, data.terms, opts, "full", { locked: false, url: await permalinkOf(post, opts), featuredImage: data.featuredImage });
  return (
    <>
      <div role="status" className="mb-4 rounded bg-amber-100 p-2 text-center text-sm text-black">
        <p>This is a preview{post.status === "publish" ? ": the published version is unchanged" : " and is not published"}. Only people who may edit this {post.type} can see it.</p>
        {/* Themes show the excerpt in listings and search results, not on the post itself. */}
        {post.excerpt ? <p className="mt-1">Excerpt: {htmlToText(post.excerpt)}</p> : null}
      </div>
      <theme.PostSingle post={view} comments={null} />
    </>
  );
}
