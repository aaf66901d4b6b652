// The old preview address: Preview now opens the site's own page (/?p=ID&preview=true), which
// checks who may see it.
import { notFound, redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { getPostOwnership } from "@/db/queries/post-editor";
import { previewUrl } from "@/lib/posts/preview-url";

type Props = { params: Promise<{ id: string }> };

export default async function OldPreviewPage({ params }: Props) {
  await requireCapability("edit_posts");
  const id = Number((await params).id);
  const post = Number.isInteger(id) && id > 0 ? await getPostOwnership(id) : undefined;
  if (!post) notFound();
  redirect(previewUrl(post.type === "page" ? "page" : "post", id));
}
