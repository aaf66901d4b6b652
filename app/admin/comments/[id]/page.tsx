import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { getCommentWithPost } from "@/db/queries/comment-admin";
import { canModerateAll, canModerateCommentOn } from "@/lib/comments/permissions";
import { EditCommentForm } from "../_components/edit-comment-form";

export const metadata: Metadata = { title: "Edit Comment" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("edit_posts");
  const id = Number((await params).id);
  const found = Number.isInteger(id) && id > 0 ? await getCommentWithPost(id) : undefined;
  if (!found || !canModerateCommentOn(user, found.post)) notFound();
  const c = found.comment;
  return (
    <>
      <h1 className="text-2xl font-semibold">Edit Comment</h1>
      <p className="mt-2 text-sm">On “{found.post.title}”, from {c.authorIp || "an unknown address"}.</p>
      <EditCommentForm
        comment={{ id: c.id, authorName: c.authorName, authorEmail: c.authorEmail, authorUrl: c.authorUrl, content: c.content, status: c.status }}
        canSetStatus={canModerateAll(user)}
      />
    </>
  );
}
