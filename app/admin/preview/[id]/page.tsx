import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { canEditPost } from "@/lib/auth/capabilities";
import { getOptions } from "@/db/queries/options";
import { getNewerAutosave, getPostForEdit } from "@/db/queries/post-editor";
import { listTermsForPosts } from "@/db/queries/posts";
import { getTheme } from "@/themes/registry";
import { toPostView } from "@/lib/content/post-view";
import { listMediaByIds } from "@/db/queries/featured-media";
import { toFeaturedImage } from "@/lib/media/featured";
import { shortcodeMediaFor } from "@/lib/site/shortcode-media";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The post with the person's latest unsaved changes (their autosave), in the active theme. */
export default async function PreviewPage({ params }: Props) {
  const user = await requireCapability("edit_posts");
  const id = Number((await params).id);
  const loaded = Number.isInteger(id) && id > 0 ? getPostForEdit(id) : undefined;
  if (!loaded) notFound();
  if (!canEditPost(user, loaded.post)) forbidden();
  const opts = getOptions();
  const theme = getTheme(opts.template);
  const auto = getNewerAutosave(id, user.id);
  const p = loaded.post;
  const view = toPostView(
    { ...p, title: auto?.title ?? p.title, content: auto?.content ?? p.content, authorName: loaded.authorName, authorNicename: loaded.authorNicename },
    listTermsForPosts([id]),
    opts,
    "full",
    {
      featuredImage: p.featuredMediaId ? toFeaturedImage(listMediaByIds([p.featuredMediaId])[0]) : undefined,
      media: shortcodeMediaFor([{ id, content: auto?.content ?? p.content }]),
    },
  );
  return (
    <div className="-m-6">
      <p role="status" className="bg-amber-100 p-2 text-center text-sm">This is a preview. It is not published{p.status === "publish" ? " (the live version is unchanged)" : ""}.</p>
      <theme.Layout site={{ name: opts.blogname, description: opts.blogdescription, homeUrl: "/" }} sidebar={null}>
        <theme.PostSingle post={view} comments={null} />
      </theme.Layout>
    </div>
  );
}
